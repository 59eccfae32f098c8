namespace Uet.Validation.Documents;

/// <summary>RFC 6901 JSON pointer strings: "" is the root, each segment is escaped (~ as ~0, / as ~1).</summary>
public static class JsonPointers
{
    public static string Append(string pointer, string segment) =>
        pointer
        + "/"
        + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer[1..]
                .Split('/')
                .Select(s =>
                    s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)
                )
                .ToArray();

    public static string Parent(string pointer) => pointer.Length == 0 ? "" : pointer[..pointer.LastIndexOf('/')];

    public static string LastSegment(string pointer) => Segments(pointer) is { Count: > 0 } s ? s[^1] : "";
}

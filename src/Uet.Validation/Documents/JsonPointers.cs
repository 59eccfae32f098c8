using System.Text;

namespace Uet.Validation.Documents;

/// <summary>RFC 6901 JSON pointer strings: "" is the root, each segment is escaped (~ as ~0, / as ~1).</summary>
public static class JsonPointers
{
    public static string Append(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    public static string Parent(string pointer) => pointer.Length == 0 ? "" : pointer[..pointer.LastIndexOf('/')];

    public static string LastSegment(string pointer) => Segments(pointer) is { Count: > 0 } s ? s[^1] : "";

    /// <summary>The pointer as a reader would write a path: <c>tasks[0].depends_on[2]</c>; the root is "(root)".</summary>
    public static string ToReadablePath(string pointer)
    {
        var segments = Segments(pointer);
        if (segments.Count == 0) return "(root)";
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit)) text.Append('[').Append(segment).Append(']');
            else text.Append(text.Length == 0 ? "" : ".").Append(segment);
        }
        return text.ToString();
    }
}

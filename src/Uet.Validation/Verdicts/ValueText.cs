using System.Text.Json;

namespace Uet.Validation.Verdicts;

/// <summary>Short renderings of JSON values for messages: what was found, what is allowed.</summary>
internal static class ValueText
{
    private const int MaxLength = 60;

    /// <summary>"integer 7", "string \"abc\"", "an object", ... as the "found" half of a message.</summary>
    public static string Found(JsonElement? value) =>
        value is not { } v
            ? "nothing"
            : v.ValueKind switch
            {
                JsonValueKind.String => $"string {Literal(v)}",
                JsonValueKind.Number => $"{(IsInteger(v) ? "integer" : "number")} {v.GetRawText()}",
                JsonValueKind.True or JsonValueKind.False => $"boolean {v.GetRawText()}",
                JsonValueKind.Null => "null",
                JsonValueKind.Object => "an object",
                JsonValueKind.Array => $"an array of {v.GetArrayLength()} items",
                _ => "an unknown value",
            };

    /// <summary>A JSON literal, cut short when long.</summary>
    public static string Literal(JsonElement value)
    {
        var text =
            value.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(value.GetString()) : value.GetRawText();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 3)] + "...";
    }

    /// <summary>"a, b or c" (or "a, b and c") from a list of values, at most <paramref name="most"/> of them.</summary>
    public static string List(IEnumerable<string> items, int most = 30, string conjunction = "or")
    {
        var all = items.ToList();
        var shown = all.Take(most).ToList();
        var tail = all.Count > most ? $" (and {all.Count - most} more)" : "";
        return shown.Count <= 1
            ? string.Concat(shown) + tail
            : string.Join(", ", shown[..^1]) + $" {conjunction} " + shown[^1] + tail;
    }

    private static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var d)
            ? decimal.Truncate(d) == d
            : number.TryGetDouble(out var x) && Math.Floor(x) == x;
}

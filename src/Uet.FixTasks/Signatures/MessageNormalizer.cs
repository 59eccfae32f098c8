using System.Text.RegularExpressions;

namespace Uet.FixTasks.Signatures;

/// <summary>
/// Takes out of a failure message what changes from one failure of the same cause to the next: GUIDs, times and
/// dates, hexadecimal addresses, file paths, numbers, and the values an assertion quotes ('x', "x", &lt;x&gt;). What
/// is left says what went wrong: "Expected:&lt;…&gt;. Actual:&lt;…&gt;." for every value that was off.
/// </summary>
public static partial class MessageNormalizer
{
    /// <summary>Longer normalized messages are cut: the start tells the cause, the rest is data.</summary>
    public const int MaxLength = 300;

    public static string Normalize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "";
        }
        var text = Quoted().Replace(message, m => $"{m.Value[0]}…{m.Value[^1]}");
        text = Guid().Replace(text, "<guid>");
        text = Timestamp().Replace(text, "<time>");
        text = Hex().Replace(text, "<hex>");
        text = FilePath().Replace(text, "<path>");
        text = Number().Replace(text, "<n>");
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(
        @"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b"
    )]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b0x[0-9a-fA-F]+\b")]
    private static partial Regex Hex();

    // Unix paths of two segments or more, and Windows paths.
    [GeneratedRegex(@"(?:[A-Za-z]:\\|\\\\)[^\s'""<>|:*?]+|(?<![\w.])/(?:[^\s/'""<>]+/)+[^\s/'""<>]*")]
    private static partial Regex FilePath();

    // '...', "...", <...> on one line, not too long to be a value.
    [GeneratedRegex(@"'[^'\n]{1,200}'|""[^""\n]{1,200}""|<[^<>\n]{1,200}>")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<![\w<])-?\d+(?:[.,]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

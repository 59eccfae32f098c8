namespace Uet.Core.Events;

/// <summary>
/// Caps a test's captured output so that one chatty test cannot bloat the store: the head and the tail are kept
/// (the start says what the test did, the end what it was doing when it failed) around a marker that says how
/// much was left out.
/// </summary>
public static class OutputLimit
{
    /// <summary>Default cap per stream and test, in characters (documented in docs/recording.md).</summary>
    public const int DefaultMaxChars = 16 * 1024;

    public static string? Cap(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars)
        {
            return text;
        }
        var head = maxChars / 2;
        var tail = maxChars - head;
        // Never cut between the two halves of a surrogate pair.
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }
        var tailStart = text.Length - tail;
        if (char.IsLowSurrogate(text[tailStart]))
        {
            tailStart++;
        }
        var omitted = tailStart - head;
        return string.Concat(
            text.AsSpan(0, head),
            $"\n[… {omitted:N0} characters omitted by Uet …]\n",
            text.AsSpan(tailStart)
        );
    }
}

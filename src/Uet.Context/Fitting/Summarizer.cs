namespace Uet.Context.Fitting;

/// <summary>
/// Fits a text to a token budget by keeping its first and last lines around one line that says how many were
/// left out: the start says what a log or a file is, the end where it stopped. The result is re-counted and
/// never over the budget.
/// </summary>
public static class Summarizer
{
    public static string Marker(int omitted) => $"[… {omitted:N0} lines omitted …]";

    public static string Summarize(string text, int budget, Func<string, int> count)
    {
        if (count(text) <= budget)
        {
            return text;
        }
        var lines = text.Split('\n');
        // The most lines that fit: keeping more lines never makes the text shorter, so search for the largest k.
        int low = 0, high = lines.Length - 1;
        var best = Fits(lines, 0, budget, count) ? Build(lines, 0) : "";
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Fits(lines, mid, budget, count))
            {
                low = mid;
                best = Build(lines, mid);
            }
            else
            {
                high = mid - 1;
            }
        }
        return best;
    }

    private static bool Fits(string[] lines, int kept, int budget, Func<string, int> count) => count(Build(lines, kept)) <= budget;

    /// <summary>The first ceil(kept/2) and the last floor(kept/2) lines around the marker.</summary>
    private static string Build(string[] lines, int kept)
    {
        var head = (kept + 1) / 2;
        var tail = kept / 2;
        return string.Join('\n', [.. lines[..head], Marker(lines.Length - kept), .. lines[^tail..]]);
    }
}

namespace Uet.Context.Fitting;

/// <summary>
/// Fits a text to a token budget by keeping its first and last lines around one line that says how many were
/// left out: the start says what a log or a file is, the end where it stopped. The result is re-counted and
/// never over the budget.
/// </summary>
public static class Summarizer
{
    public static string Marker(int omitted) => $"[… {omitted:N0} lines omitted …]";

    public static string Summarize(string text, int budget, ITextCounter counter)
    {
        if (counter.Count(text) <= budget)
        {
            return text;
        }
        var lines = text.Split('\n');
        // The lines counted in one pass; the sums say how many lines should fit, a count of the result says whether
        // they do (a text's count is close to the sum of its lines' counts, not always equal).
        // Split gives a last, empty line after a final '\n' (and one for an empty text) that CountLines does not: it counts 0.
        var lineTokens = counter.CountLines(text);
        if (lineTokens.Length < lines.Length)
        {
            lineTokens = [.. lineTokens, 0];
        }
        var kept = LinesThatFit(lineTokens, budget - counter.Count(Marker(lines.Length) + "\n"));
        for (; kept >= 0; kept--)
        {
            var result = Build(lines, kept);
            if (counter.Count(result) <= budget)
            {
                return result;
            }
        }
        return "";
    }

    /// <summary>The largest k whose ceil(k/2) first and floor(k/2) last lines sum to at most the room.</summary>
    private static int LinesThatFit(int[] lineTokens, int room)
    {
        var (kept, used) = (0, 0);
        while (kept < lineTokens.Length - 1)
        {
            var next = kept % 2 == 0 ? lineTokens[kept / 2] : lineTokens[^(kept / 2 + 1)];
            if (used + next > room)
            {
                break;
            }
            used += next;
            kept++;
        }
        return kept;
    }

    /// <summary>The first ceil(kept/2) and the last floor(kept/2) lines around the marker.</summary>
    private static string Build(string[] lines, int kept)
    {
        var head = (kept + 1) / 2;
        var tail = kept / 2;
        return string.Join('\n', [.. lines[..head], Marker(lines.Length - kept), .. lines[^tail..]]);
    }
}

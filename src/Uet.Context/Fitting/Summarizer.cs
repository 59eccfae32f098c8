namespace Uet.Context.Fitting;

/// <summary>
/// Fits a text to a token budget by keeping its first and last lines around one line that says how many were
/// left out: the start says what a log or a file is, the end where it stopped. The result is re-counted and
/// never over the budget.
/// </summary>
public static class Summarizer
{
    public static string Marker(int omitted) => $"[… {omitted:N0} lines omitted …]";

    public static string Summarize(string text, int budget, ITextCounter counter) =>
        Summarize(text, LinesOfSplit(text, counter.CountLines(text)), budget, counter);

    /// <summary>
    /// Summarizes with the tokens of each line of text.Split('\n') known: they say how many lines should fit (with
    /// an exact tokenizer their sum is the text's count); a count of the result says whether they do (a text's count
    /// is close to the sum of its lines' counts, not always equal), with fewer lines until one does.
    /// </summary>
    internal static string Summarize(string text, int[] splitLineTokens, int budget, ITextCounter counter)
    {
        var fits = counter.LinesAddUp ? splitLineTokens.Sum() <= budget : counter.Count(text) <= budget;
        if (fits)
        {
            return text;
        }
        var lines = text.Split('\n');
        for (var kept = LinesThatFit(splitLineTokens, budget - counter.Count(Marker(lines.Length) + "\n")); kept >= 0; )
        {
            var result = Build(lines, kept);
            var over = counter.Count(result) - budget;
            if (over <= 0)
            {
                return result;
            }
            // Give back the last lines taken, at least one and as many as the result went over by.
            do
            {
                kept--;
                over -= kept >= 0 ? TakenLine(splitLineTokens, kept) : 0;
            } while (kept >= 0 && over > 0);
        }
        return "";
    }

    /// <summary>
    /// Line counts aligned with text.Split('\n'), which has one more, empty line after a final '\n' (and one for
    /// an empty text) that <see cref="ITextCounter.CountLines"/> does not: it counts 0.
    /// </summary>
    private static int[] LinesOfSplit(string text, int[] lineTokens) =>
        text.Length == 0 || text[^1] == '\n' ? [.. lineTokens, 0] : lineTokens;

    /// <summary>The largest k whose ceil(k/2) first and floor(k/2) last lines sum to at most the room.</summary>
    private static int LinesThatFit(int[] lineTokens, int room)
    {
        var (kept, used) = (0, 0);
        while (kept < lineTokens.Length - 1)
        {
            var next = TakenLine(lineTokens, kept);
            if (used + next > room)
            {
                break;
            }
            used += next;
            kept++;
        }
        return kept;
    }

    /// <summary>The tokens of the k-th line taken (from 0): lines are taken from the start and the end in turn.</summary>
    private static int TakenLine(int[] lineTokens, int k) => k % 2 == 0 ? lineTokens[k / 2] : lineTokens[^(k / 2 + 1)];

    /// <summary>The first ceil(kept/2) and the last floor(kept/2) lines around the marker.</summary>
    private static string Build(string[] lines, int kept)
    {
        var head = (kept + 1) / 2;
        var tail = kept / 2;
        return string.Join('\n', [.. lines[..head], Marker(lines.Length - kept), .. lines[^tail..]]);
    }
}

using System.Globalization;
using System.Text;

namespace Uet.Context.Fitting;

/// <summary>
/// Cuts a text into chunks of at most a token budget, on line boundaries; a line longer than the budget is cut
/// between grapheme clusters (never inside an emoji joined with ZWJ, or a letter and its accents). With an overlap,
/// each chunk starts with the last lines of the one before, when they fit. Every chunk is re-counted; only a
/// single grapheme cluster of more tokens than the budget (a long emoji sequence against a budget of a few
/// tokens) makes a chunk of its own over the budget.
/// </summary>
public static class Chunker
{
    public static IReadOnlyList<string> Chunk(string text, int budget, ITextCounter counter, int overlapLines = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        Func<string, int> count = counter.Count;
        // Units with their counts: the lines (counted in one pass), and the pieces of lines too long for the budget.
        var units = Lines
            .Of(text)
            .Zip(counter.CountLines(text))
            .SelectMany(line =>
                line.Second <= budget
                    ? [(Text: line.First, Tokens: line.Second)]
                    : SplitLine(line.First, budget, count).Select(piece => (Text: piece, Tokens: count(piece)))
            )
            .ToList();
        var chunks = new List<string>();
        var current = new List<string>();
        var tokens = 0; // The sum of the current units' own counts: close to the chunk's count, which decides.
        foreach (var (unit, unitTokens) in units)
        {
            if (current.Count > 0 && tokens + unitTokens > budget)
            {
                var leftover = Close(current, budget, count, chunks);
                current = [.. Overlap(chunks[^1], leftover, unit, overlapLines, budget, count), .. leftover];
                tokens = current.Sum(count);
            }
            current.Add(unit);
            tokens += unitTokens;
        }
        while (current.Count > 0)
        {
            current = Close(current, budget, count, chunks);
        }
        return chunks;
    }

    /// <summary>
    /// Adds the units as one chunk, but for the last ones when the chunk itself counts over the budget (the sum of
    /// its units said it fits; a text's count is close to that sum, not always equal). Returns those last units.
    /// </summary>
    private static List<string> Close(List<string> units, int budget, Func<string, int> count, List<string> chunks)
    {
        var kept = units.Count;
        while (kept > 1 && count(Join(units[..kept])) > budget)
        {
            kept--;
        }
        chunks.Add(Join(units[..kept]));
        return units[kept..];
    }

    /// <summary>The last lines of the previous chunk to repeat before what comes next, as many as fit (up to the overlap).</summary>
    private static List<string> Overlap(
        string previous,
        List<string> leftover,
        string next,
        int overlapLines,
        int budget,
        Func<string, int> count
    )
    {
        var lines = Lines.Of(previous).ToList();
        for (var take = Math.Min(overlapLines, lines.Count); take > 0; take--)
        {
            var carried = lines[^take..];
            if (count(Join([.. carried, .. leftover]) + next) <= budget)
            {
                return carried;
            }
        }
        return [];
    }

    /// <summary>A line too long for the budget, in pieces of whole grapheme clusters that each fit.</summary>
    private static List<string> SplitLine(string line, int budget, Func<string, int> count)
    {
        var graphemes = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            graphemes.Add((string)enumerator.Current);
        }
        var pieces = new List<string>();
        var start = 0;
        while (start < graphemes.Count)
        {
            // The most graphemes from start that fit (at least one: a single grapheme is never cut).
            int low = start + 1,
                high = graphemes.Count;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                if (count(Concat(graphemes, start, mid)) <= budget)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }
            pieces.Add(Concat(graphemes, start, low));
            start = low;
        }
        return pieces;
    }

    private static string Concat(List<string> graphemes, int from, int to)
    {
        var text = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            text.Append(graphemes[i]);
        }
        return text.ToString();
    }

    private static string Join(List<string> units) => string.Concat(units);
}

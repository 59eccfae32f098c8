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
    public static IReadOnlyList<string> Chunk(string text, int budget, Func<string, int> count, int overlapLines = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var units = Lines(text).SelectMany(line => count(line) <= budget ? [line] : SplitLine(line, budget, count)).ToList();
        var chunks = new List<string>();
        var current = new List<string>();
        foreach (var unit in units)
        {
            if (current.Count > 0 && count(Join(current) + unit) > budget)
            {
                chunks.Add(Join(current));
                current = Overlap(current, unit, overlapLines, budget, count);
            }
            current.Add(unit);
        }
        if (current.Count > 0)
        {
            chunks.Add(Join(current));
        }
        return chunks;
    }

    /// <summary>The lines of the text, each with its '\n': the chunks put back together are the text.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }

    private static List<string> Overlap(List<string> previous, string next, int overlapLines, int budget, Func<string, int> count)
    {
        for (var take = Math.Min(overlapLines, previous.Count); take > 0; take--)
        {
            var carried = previous[^take..];
            if (count(Join(carried) + next) <= budget)
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
            int low = start + 1, high = graphemes.Count;
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

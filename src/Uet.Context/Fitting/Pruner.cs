using System.Text;

namespace Uet.Context.Fitting;

/// <summary>
/// Fits sections to a budget by value. While the whole is over the budget, the section of lowest value (the later
/// one on a tie) is summarized into the room the others leave (its first and last lines); when not even that
/// fits, it is dropped and the next lowest is tried. Sections keep their order; each is rendered as "## Heading"
/// and its text. The result is re-counted and within the budget.
/// </summary>
public static class Pruner
{
    /// <summary>
    /// When what is left after a drop estimates more than this share over the budget, it is not counted again:
    /// the estimate (the sum of the sections' own lines) differs from the count only where sections meet.
    /// </summary>
    private const double EstimateTolerance = 0.1;

    public static string Prune(IReadOnlyList<Section> sections, int budget, ITextCounter counter) =>
        PruneCounted(sections, budget, counter).Text;

    /// <summary>The pruned text and its count (the counter's count of it, which the pruning had to make anyway).</summary>
    public static (string Text, int Tokens) PruneCounted(
        IReadOnlyList<Section> sections,
        int budget,
        ITextCounter counter
    )
    {
        var whole = Render(sections);
        // One pass counts every line of the whole; each section's tokens are then those of its block's lines.
        var lineTokens = counter.CountLines(whole);
        var wholeTokens = counter.LinesAddUp ? lineTokens.Sum() : counter.Count(whole);
        if (wholeTokens <= budget)
        {
            return (whole, wholeTokens);
        }
        var blocks = BlockLines(sections, lineTokens);
        var kept = Enumerable.Range(0, sections.Count).ToList();
        while (kept.Count > 0)
        {
            var lowest = kept.OrderBy(i => sections[i].Value).ThenByDescending(i => i).First();
            if (SummarizedToFit(sections, kept, lowest, blocks, budget, counter) is { } fitted)
            {
                return fitted;
            }
            kept.Remove(lowest);
            var estimate = kept.Sum(i => blocks[i].Sum());
            var rest = Render(kept.Select(i => sections[i]));
            if (!counter.LinesAddUp || estimate <= budget * (1 + EstimateTolerance))
            {
                var tokens = counter.Count(rest);
                if (tokens <= budget)
                {
                    return (rest, tokens);
                }
            }
        }
        return ("", 0);
    }

    public static string Render(IEnumerable<Section> sections)
    {
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            text.Append(Block(section));
        }
        return text.ToString();
    }

    private static string Block(Section section) => $"## {section.Heading}\n{section.Text}\n\n";

    /// <summary>
    /// All kept sections with the lowest one summarized into the room the others leave, when that is within the
    /// budget (tried again once with the room made smaller by what the first try went over); else null.
    /// </summary>
    private static (string Text, int Tokens)? SummarizedToFit(
        IReadOnlyList<Section> sections,
        List<int> kept,
        int lowest,
        int[][] blocks,
        int budget,
        ITextCounter counter
    )
    {
        var section = sections[lowest];
        var frame = counter.Count(Block(section with { Text = "" }));
        var room = budget - frame - kept.Where(i => i != lowest).Sum(i => blocks[i].Sum());
        var textLines = blocks[lowest][HeadingLines(section)..^1]; // Between the heading and the closing blank line.
        for (var attempt = 0; attempt < 2 && room > 0; attempt++)
        {
            var summary = Summarizer.Summarize(section.Text, textLines, room, counter);
            var candidate = Render(kept.Select(i => i == lowest ? section with { Text = summary } : sections[i]));
            var tokens = counter.Count(candidate);
            var over = tokens - budget;
            if (over <= 0)
            {
                return (candidate, tokens);
            }
            room -= over;
        }
        return null;
    }

    /// <summary>The tokens of each line of each section's block, cut from the counts of the whole.</summary>
    private static int[][] BlockLines(IReadOnlyList<Section> sections, int[] lineTokens)
    {
        var blocks = new int[sections.Count][];
        var line = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            // The heading's lines, the text's (its last one ends at the first '\n' after it) and the blank line: a block
            // ends with '\n', so its lines are whole lines of the whole.
            var count = HeadingLines(sections[i]) + sections[i].Text.AsSpan().Count('\n') + 2;
            blocks[i] = lineTokens[line..(line + count)];
            line += count;
        }
        return blocks;
    }

    private static int HeadingLines(Section section) => section.Heading.AsSpan().Count('\n') + 1;
}

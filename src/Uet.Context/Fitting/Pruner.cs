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
    public static string Prune(IReadOnlyList<Section> sections, int budget, ITextCounter counter)
    {
        var kept = sections.ToList();
        while (kept.Count > 0 && counter.Count(Render(kept)) > budget)
        {
            var lowest = kept.Select((s, i) => (s.Value, Index: i)).OrderBy(s => s.Value).ThenByDescending(s => s.Index).First().Index;
            var room = budget - counter.Count(Render(Replace(kept, lowest, "")));
            if (room > 0)
            {
                var summarized = Replace(kept, lowest, Summarizer.Summarize(kept[lowest].Text, room, counter));
                if (counter.Count(Render(summarized)) <= budget)
                {
                    return Render(summarized);
                }
            }
            kept.RemoveAt(lowest);
        }
        return Render(kept);
    }

    public static string Render(IEnumerable<Section> sections)
    {
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            text.Append("## ").Append(section.Heading).Append('\n').Append(section.Text).Append("\n\n");
        }
        return text.ToString();
    }

    private static List<Section> Replace(List<Section> sections, int index, string text) =>
        [.. sections.Select((s, i) => i == index ? s with { Text = text } : s)];
}

using System.Globalization;
using System.Text;
using Uet.Core.Events;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Reports;

/// <summary>
/// <c>fix-tasks.md</c>: short enough to read in a CI summary — a table of the open tasks in the order to take them,
/// then a few lines per task (why, where to start, the message, the tests, what it blocks). Contexts are in the
/// JSON and HTML reports. Test output goes into code spans and fences long enough that it cannot end them.
/// </summary>
public static class MarkdownReport
{
    public const string FileName = "fix-tasks.md";

    private const int TestsListed = 10;
    private const int MessageLines = 6;

    public static string Render(ReportData data)
    {
        var text = new StringBuilder();
        text.Append("# Fix tasks: ").Append(Summary(data)).Append("\n\n");
        if (data.SessionId is not null)
        {
            text.Append("Session `")
                .Append(data.SessionId)
                .Append("`: ")
                .Append(
                    string.Join(
                        ", ",
                        data.Runs.Select(r =>
                            $"{Cell(r.Project)}{(r.TargetFramework is null ? "" : $" ({r.TargetFramework})")} {r.State}{(r.Aborted ? ", aborted" : "")}"
                        )
                    )
                )
                .Append(".\n\n");
        }
        if (data.Open.Count > 0)
        {
            text.Append("| # | Priority | Task | Tests | Start at | Blocks |\n|---|---|---|---:|---|---|\n");
            foreach (var (task, number) in data.Open.Select((t, i) => (t, i + 1)))
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"| {number} | {Name(task.Priority)} | {Cell(task.Title)} `{task.Id}` | {task.Tests.Count} | {Code(task.StartAt ?? "")} | {Cell(string.Join(", ", task.Blocks))} |\n"
                );
            }
            text.Append('\n');
        }
        if (data.BlockedWork is { Tasks.Count: > 0 } work)
        {
            text.Append("**Blocked work** (workstream `")
                .Append(work.WorkstreamId)
                .Append("`): ")
                .Append(
                    string.Join(
                        "; ",
                        work.Tasks.Select(t => $"{Cell(t.TaskId)} by {Cell(string.Join(", ", t.BlockedBy))}")
                    )
                )
                .Append(".\n\n");
        }
        foreach (var (task, number) in data.Open.Select((t, i) => (t, i + 1)))
        {
            Section(text, number, task);
        }
        if (data.Resolved.Count > 0)
        {
            text.Append("## Resolved in this session\n\n");
            foreach (var task in data.Resolved)
            {
                text.Append("- ")
                    .Append(Cell(task.Title))
                    .Append(" `")
                    .Append(task.Id)
                    .Append('`')
                    .Append(task.Flaky ? " (flaky)" : "")
                    .Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Summary(ReportData data)
    {
        if (data.Open.Count == 0)
        {
            return data.Resolved.Count == 0 ? "none open" : $"none open, {data.Resolved.Count} resolved";
        }
        var byPriority = data
            .Open.GroupBy(t => t.Priority)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {Name(g.Key)}");
        return $"{data.Open.Count} open ({string.Join(", ", byPriority)})"
            + (data.Resolved.Count > 0 ? $", {data.Resolved.Count} resolved" : "");
    }

    public static string Name(Priority priority) =>
        priority switch
        {
            Priority.Critical => "critical",
            Priority.High => "high",
            _ => "medium",
        };

    private static void Section(StringBuilder text, int number, FixTask task)
    {
        text.Append(
            CultureInfo.InvariantCulture,
            $"## {number}. {Cell(task.Title)} ({Name(task.Priority)}, `{task.Id}`)\n\n"
        );
        text.Append("- Why: ").Append(Cell(task.Reason)).Append('\n');
        if (task.StartAt is not null)
        {
            text.Append("- Start at: ").Append(Code(task.StartAt)).Append('\n');
        }
        text.Append("- Seen: ").Append(Seen(task)).Append('\n');
        if (task.Blocks.Count > 0)
        {
            text.Append("- Blocks: ").Append(Cell(string.Join(", ", task.Blocks))).Append('\n');
        }
        if (task.Tests.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Tests ({task.Tests.Count}): ")
                .Append(string.Join(", ", task.Tests.Take(TestsListed).Select(t => Code(t.Name))))
                .Append(task.Tests.Count > TestsListed ? ", …" : "")
                .Append('\n');
        }
        var message = string.Join('\n', task.Message.Split('\n').Take(MessageLines)).TrimEnd();
        if (message.Length > 0)
        {
            var fence = new string('`', Math.Max(3, LongestRun(message, '`') + 1));
            text.Append('\n')
                .Append(fence)
                .Append("text\n")
                .Append(Printable(message))
                .Append('\n')
                .Append(fence)
                .Append('\n');
        }
        text.Append('\n');
    }

    /// <summary>"12 failures in 3 runs, first …, last …; flaky".</summary>
    public static string Seen(FixTask task) =>
        $"{Count(task.Occurrences, "failure")} in {Count(task.Runs.Count, "run")}, first {Timestamps.Format(task.FirstSeen)}, last {Timestamps.Format(task.LastSeen)}{(task.Flaky ? "; flaky" : "")}";

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Text for a table cell or a line: no line breaks, no pipes, no HTML.</summary>
    private static string Cell(string text) =>
        Printable(text)
            .Replace("\r", "", StringComparison.Ordinal)
            .Replace('\n', ' ')
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Code(string text)
    {
        var clean = Printable(text).Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        var ticks = new string('`', LongestRun(clean, '`') + 1);
        var pad = clean.StartsWith('`') || clean.EndsWith('`') ? " " : ""; // So that the fence is not read as part of it.
        return $"{ticks}{pad}{clean}{pad}{ticks}";
    }

    /// <summary>Control characters (ANSI colour codes start with one) shown as their Unicode pictures.</summary>
    internal static string Printable(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            result.Append(
                c is < ' ' and not '\n' and not '\t' ? (char)(0x2400 + c)
                : c == '\u007f' ? '\u2421'
                : c
            );
        }
        return result.ToString();
    }

    private static int LongestRun(string text, char c)
    {
        var (longest, current) = (0, 0);
        foreach (var x in text)
        {
            current = x == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}

using Uet.Core.Store;
using Uet.FixTasks.Priorities;

namespace Uet.FixTasks.Reports;

/// <summary>
/// The reports at the end of a run: the whole session's into the report folder, and to GitHub's step summary the
/// tasks this run touched (each run of a session appends its own part, so nothing is there twice).
/// </summary>
public static class SessionReports
{
    public static ReportOutcome Write(
        IRunStore store,
        string sessionId,
        string runId,
        string directory,
        string? stepSummary,
        DateTimeOffset generatedAt
    )
    {
        var data = ReportData.FromStore(store, sessionId, generatedAt);
        ReportWriter.Write(data, directory);
        string? warning = null;
        if (stepSummary is not null)
        {
            var run = data.Runs.FirstOrDefault(r => r.RunId == runId);
            var touched = data with
            {
                Open = [.. data.Open.Where(t => t.Runs.Contains(runId))],
                Resolved = [.. data.Resolved.Where(t => run is not null && t.ResolvedAt >= run.StartedAt)],
                Runs = run is null ? [] : [run],
            };
            warning = ReportWriter.AppendStepSummary(MarkdownReport.Render(touched), stepSummary);
        }
        return new ReportOutcome(directory, data, warning);
    }
}

/// <summary>Where the reports went and what they hold, for the line at the end of the run.</summary>
public sealed record ReportOutcome(string Directory, ReportData Data, string? Warning)
{
    /// <summary>The report files written: Markdown, JSON and HTML.</summary>
    public IReadOnlyList<string> Files =>
        [
            .. new[] { MarkdownReport.FileName, JsonReport.FileName, HtmlReport.FileName }.Select(f =>
                Path.Combine(Directory, f)
            ),
        ];

    /// <summary>
    /// "Uet: fix tasks: 2 open (1 critical, 1 high); blocking first: FT-… Title (40 tests; blocks T1, T2), …;
    /// report: DIR/fix-tasks.html".
    /// </summary>
    public string Line()
    {
        var blocking = Data
            .Open.Where(t => t.Priority == Priority.Critical)
            .Take(3)
            .Select(t =>
                $"{t.Id} {t.Title} ({MarkdownReport.Count(t.Tests.Count, "test")}{(t.Blocks.Count > 0 ? "; blocks " + string.Join(", ", t.Blocks) : "")})"
            )
            .ToList();
        var more = Data.Open.Count(t => t.Priority == Priority.Critical) - blocking.Count;
        var first =
            blocking.Count > 0
                ? $"; blocking first: {string.Join(", ", blocking)}{(more > 0 ? $" and {more} more" : "")}"
                : "";
        return $"Uet: fix tasks: {MarkdownReport.Summary(Data)}{first}; report: {Path.Combine(Directory, HtmlReport.FileName)}";
    }
}

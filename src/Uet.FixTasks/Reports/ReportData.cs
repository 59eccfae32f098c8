using Uet.Core.Ledger;
using Uet.Core.Runs;
using Uet.Core.Store;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Reports;

/// <summary>
/// What a report shows: the open fix tasks in the order to take them, the tasks resolved during the session, the
/// work the open ones block, and the session's runs (its timeline).
/// </summary>
public sealed record ReportData(
    string? SessionId,
    IReadOnlyList<FixTask> Open,
    IReadOnlyList<FixTask> Resolved,
    BlockedWorkView? BlockedWork,
    IReadOnlyList<RunState> Runs,
    DateTimeOffset GeneratedAt
)
{
    /// <summary>Each run's test hosts, as their health collectors reported them (by run id; none when not watched).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Core.Health.HealthReport>> Hosts { get; init; } =
        new Dictionary<string, IReadOnlyList<Core.Health.HealthReport>>();

    public IEnumerable<FixTask> All => Open.Concat(Resolved);

    /// <summary>
    /// From the store: every open task, the tasks resolved since the session began (or all resolved ones when no
    /// session is given), the blocked work, and the session's runs (the latest session when none is given).
    /// </summary>
    public static ReportData FromStore(IRunStore store, string? sessionId, DateTimeOffset generatedAt)
    {
        var runs = store.Runs();
        var session = sessionId ?? (runs.Count > 0 ? runs[^1].SessionId : null);
        var sessionRuns = runs.Where(r => r.SessionId == session).ToList();
        var since = sessionRuns.Count > 0 ? sessionRuns.Min(r => r.StartedAt) : DateTimeOffset.MinValue;
        var tasks = store.FixTasks().Select(FixTaskJson.FromStored).ToList();
        return new ReportData(
            session,
            Ordered(tasks.Where(t => t.IsOpen)),
            Ordered(tasks.Where(t => !t.IsOpen && t.ResolvedAt >= since)),
            BlockedWorkView.From(store.BlockedWork()),
            sessionRuns,
            generatedAt
        )
        {
            Hosts = sessionRuns.ToDictionary(r => r.RunId, r => store.Hosts(r.RunId)),
        };
    }

    /// <summary>Blocking before warning; within a priority, the task that blocks most work and fails most tests first.</summary>
    public static IReadOnlyList<FixTask> Ordered(IEnumerable<FixTask> tasks) =>
        [
            .. tasks
                .OrderBy(t => t.Priority)
                .ThenByDescending(t => t.Blocks.Count)
                .ThenByDescending(t => t.Tests.Count)
                .ThenBy(t => t.Id, StringComparer.Ordinal),
        ];
}

/// <summary>The blocked tasks of a workstream and what blocks each.</summary>
public sealed record BlockedWorkView(string WorkstreamId, IReadOnlyList<BlockedTask> Tasks)
{
    public static BlockedWorkView? From(BlockedWorkState? work) =>
        work is null
            ? null
            : new BlockedWorkView(
                work.WorkstreamId,
                [
                    .. work
                        .Blocked.OrderBy(p => p.Key, StringComparer.Ordinal)
                        .Select(p => new BlockedTask(p.Key, p.Value)),
                ]
            );
}

public sealed record BlockedTask(string TaskId, IReadOnlyList<string> BlockedBy);

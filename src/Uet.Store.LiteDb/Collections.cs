namespace Uet.Store.LiteDb;

/// <summary>
/// The collections of a Uet store. The recorder's hot path touches only <c>runs</c>, <c>events</c> and
/// <c>active_runs</c>, none of which has a secondary index to maintain: a run's events are keyed
/// <c>RUN_ID.EVENT_ID</c>, so they are one range of the primary index, in order; <c>active_runs</c> holds the ids
/// of runs still being recorded, so recovery reads a handful of documents, not the whole history.
/// </summary>
internal static class Collections
{
    public const string Runs = "runs";
    public const string Events = "events";
    public const string ActiveRuns = "active_runs";
    public const string FixTasks = "fix_tasks";
    public const string Workers = "workers";

    /// <summary>One document per workstream: which of its tasks the open fix tasks block.</summary>
    public const string BlockedWork = "blocked_work";

    public static IReadOnlyList<string> All { get; } = [Runs, Events, ActiveRuns, FixTasks, Workers, BlockedWork];
}

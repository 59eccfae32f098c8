using Uet.FixTasks.Priorities;
using Uet.FixTasks.Signatures;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>The one place a fix task is made: every kind of task is a root cause seen in a run.</summary>
internal static class TaskMaker
{
    /// <summary>The runs a task lists, the latest last.</summary>
    public const int RunsKept = 20;

    /// <summary>
    /// The open task of a cause seen in this run, with what it carries over from the task it was before: its first
    /// sight, its occurrences (so many more now), the runs it failed in (this one added) and the work it blocks.
    /// </summary>
    public static FixTask Seen(
        FailureSignature signature,
        string title,
        Rank rank,
        string message,
        int occurrences,
        LedgerUpdate update
    )
    {
        var existing = update.Find(signature.TaskId);
        return new FixTask
        {
            Id = signature.TaskId,
            Title = title,
            Priority = rank.Priority,
            Reason = rank.Reason,
            Signature = signature.Text,
            Status = FixTaskStatus.Open,
            ExceptionType = signature.ExceptionType,
            Message = message,
            FirstSeen = existing?.FirstSeen ?? update.Now,
            LastSeen = update.Now,
            Occurrences = (existing?.Occurrences ?? 0) + occurrences,
            Runs = [.. (existing?.Runs ?? []).Append(update.Run.Run.RunId).TakeLast(RunsKept)],
            Blocks = existing?.Blocks ?? [],
        };
    }
}

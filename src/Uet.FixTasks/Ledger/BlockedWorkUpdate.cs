using Uet.Core.Ledger;
using Uet.FixTasks.Tasks;
using Uet.FixTasks.Workstreams;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// The step for the workstream: works out which of its tasks the open fix tasks block (<see cref="BlockedWork"/>),
/// says what became blocked or unblocked since the last run, and sets what each fix task blocks.
/// </summary>
internal static class BlockedWorkUpdate
{
    public static BlockedWorkState Apply(Workstream workstream, LedgerUpdate update, BlockedWorkState? previous)
    {
        var openTests = update
            .Tasks.Where(t => t.IsOpen)
            .SelectMany(t =>
                t.Tests.Where(x => x.LastOutcome == TestRunOutcome.Failed)
                    .Select(x => (t.Id, x.Name, (IReadOnlyCollection<string>)x.Categories))
            );
        var blocked = BlockedWork.Of(workstream, openTests);
        var before =
            previous is not null && previous.WorkstreamId == workstream.Id
                ? previous.Blocked
                : new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (task, blockers) in blocked)
        {
            if (!before.TryGetValue(task, out var old) || !old.SequenceEqual(blockers))
            {
                update.Events.Blocked(workstream.Id, task, blockers);
            }
        }
        foreach (var task in before.Keys.Where(t => !blocked.ContainsKey(t)))
        {
            update.Events.Unblocked(workstream.Id, task);
        }
        foreach (var task in update.Tasks.ToList())
        {
            IReadOnlyList<string> blocks = task.IsOpen ? BlockedWork.BlockedBy(task.Id, blocked) : [];
            if (!blocks.SequenceEqual(task.Blocks))
            {
                update.Replace(task with { Blocks = blocks });
            }
        }
        return new BlockedWorkState(workstream.Id, blocked);
    }
}

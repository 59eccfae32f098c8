using Uet.Context;
using Uet.Core.Events;
using Uet.Core.Ledger;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// Keeps the fix tasks across runs. At the end of each run, in order: the failures become tasks by root cause
/// (<see cref="FailureTasks"/>), hung and crashed hosts and aborted runs become critical tasks
/// (<see cref="HostTasks"/>), the open tasks whose tests passed are resolved or found flaky
/// (<see cref="TaskResolution"/>), and the workstream's blocked work is worked out (<see cref="BlockedWorkUpdate"/>).
/// Every change is an event of the run.
/// </summary>
public sealed class FixTaskLedger : IFixTaskLedger
{
    private readonly LedgerOptions _options;
    private readonly TimeProvider _clock;
    private readonly FailureTasks _failures;
    private readonly HostTasks _hosts;
    private readonly TaskResolution _resolution;

    public FixTaskLedger(LedgerOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        var prioritizer = new Prioritizer(options.Rules);
        var history = new TestHistory(options.Rules.FlakyRuns);
        var contexts = new TaskContextBuilder(options.Model, options.TokenBudget, TokenCounter.Default);
        _failures = new FailureTasks(prioritizer, contexts, history);
        _hosts = new HostTasks(history);
        _resolution = new TaskResolution(prioritizer, history);
    }

    public LedgerChanges Update(CompletedRun run, LedgerState state)
    {
        var update = new LedgerUpdate(run, state.Tasks.Select(FixTaskJson.FromStored), Timestamps.Now(_clock));
        _failures.Apply(update);
        _hosts.Apply(update);
        _resolution.Apply(update);
        var blockedWork = _options.Workstream is { } workstream
            ? BlockedWorkUpdate.Apply(workstream, update, state.BlockedWork)
            : null;
        return update.Changes(blockedWork);
    }
}

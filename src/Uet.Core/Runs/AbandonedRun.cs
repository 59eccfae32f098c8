using Uet.Core.Events;

namespace Uet.Core.Runs;

/// <summary>
/// A run stays "running" in a store when its recorder is killed (SIGKILL, out of memory, power loss) before it
/// completes the run. Whoever opens the store next marks such runs aborted, with a <c>run_aborted</c> event, once
/// it can tell that their recorder is gone (same machine, process gone or replaced). Each store finds the runs;
/// this says what becomes of one.
/// </summary>
public static class AbandonedRun
{
    /// <summary>
    /// The <c>run_aborted</c> event and the run's final state for a run whose recorder is gone, ended at its last
    /// event (or its start, when it has none).
    /// </summary>
    public static (RunState Run, RunEvent Aborted) Abort(RunState run, DateTimeOffset? lastEventAt)
    {
        var endedAt = lastEventAt ?? run.StartedAt;
        var reason =
            $"the process that recorded this run (pid {run.Recorder.ProcessId} on {run.Recorder.Machine}) ended before the run completed";
        var aborted = RunEvents.Aborted(run.RunId, endedAt, reason);
        var state = run with
        {
            State = RunStates.Failed,
            StateReason = reason,
            Aborted = true,
            EndedAt = endedAt,
            EventCount = run.EventCount + 1,
        };
        return (state, aborted);
    }
}

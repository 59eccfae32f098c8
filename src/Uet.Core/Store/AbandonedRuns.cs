using LiteDB;
using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.Core.Store;

/// <summary>
/// A run stays "running" in the store when its recorder is killed (SIGKILL, out of memory, power loss) before it
/// completes the run. Whoever opens the store next marks such runs aborted, with a <c>run_aborted</c> event, once
/// it can tell that their recorder is gone (same machine, process gone or replaced).
/// </summary>
internal static class AbandonedRuns
{
    /// <summary>Runs inside a store session: the cross-process lock keeps two openers from aborting a run twice.</summary>
    public static IReadOnlyList<string> Recover(LiteDatabase db)
    {
        var runs = db.GetCollection(Collections.Runs);
        var events = db.GetCollection(Collections.Events);
        var active = db.GetCollection(Collections.ActiveRuns);
        var recovered = new List<string>();
        db.BeginTrans();
        foreach (var runId in active.FindAll().Select(d => d["_id"].AsString).ToList())
        {
            var run = runs.FindById(runId) is { } document ? Documents.ToRun(document) : null;
            if (run is null || !run.IsRunning)
            {
                active.Delete(runId); // Finished meanwhile, or gone: nothing to recover.
                continue;
            }
            if (run.Recorder.IsAlive())
            {
                continue;
            }
            var lastEvent = events
                .Find(Documents.EventsOf(run.RunId))
                .Select(d => d["ts"].AsString)
                .Max(StringComparer.Ordinal);
            var endedAt = lastEvent is null ? run.StartedAt : Timestamps.Parse(lastEvent);
            var reason =
                $"the process that recorded this run (pid {run.Recorder.ProcessId} on {run.Recorder.Machine}) ended before the run completed";
            var aborted = RunEvents.Aborted(run.RunId, endedAt, reason);
            events.Insert(Documents.FromEvent(aborted));
            runs.Update(
                Documents.FromRun(
                    run with
                    {
                        State = RunStates.Failed,
                        StateReason = reason,
                        Aborted = true,
                        EndedAt = endedAt,
                        EventCount = run.EventCount + 1,
                    }
                )
            );
            active.Delete(run.RunId);
            recovered.Add(run.RunId);
        }
        db.Commit();
        return recovered;
    }
}

using LiteDB;
using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.Store.LiteDb;

/// <summary>Finds the runs of <c>active_runs</c> whose recorder is gone and aborts them (<see cref="AbandonedRun"/>).</summary>
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
            var run = runs.FindById(runId) is { } document ? RunDocuments.ToRun(document) : null;
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
                .Find(RunDocuments.EventsOf(run.RunId))
                .Select(d => d["ts"].AsString)
                .Max(StringComparer.Ordinal);
            var (aborted, abortEvent) = AbandonedRun.Abort(run, lastEvent is null ? null : Timestamps.Parse(lastEvent));
            events.Insert(RunDocuments.FromEvent(abortEvent));
            runs.Update(RunDocuments.FromRun(aborted));
            active.Delete(run.RunId);
            recovered.Add(run.RunId);
        }
        db.Commit();
        return recovered;
    }
}

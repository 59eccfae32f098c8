using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Store.LiteDb;

namespace Uet.Core.Tests;

[TestClass]
public sealed class ReplayTests
{
    [TestMethod]
    public void TheStateRebuiltFromTheEventsEqualsTheStoredState()
    {
        using var folder = new TempFolder();
        var outcome = Recordings.RecordMixedRun(Path.Combine(folder.Path, "uet.db"));
        using var store = LiteDbStore.Open(outcome.StorePath!);

        var stored = store.FindRun(outcome.Run.RunId)!;
        var replayed = RunProjection.Replay(store.Events(stored.RunId));

        Assert.AreEqual(
            0,
            RunDifferences.Between(stored, replayed).Count,
            string.Join("\n", RunDifferences.Between(stored, replayed))
        );
        Assert.AreEqual(
            (5, 2, 1, RunStates.Failed, "2 test(s) failed"),
            (replayed.Passed, replayed.Failed, replayed.Skipped, replayed.State, replayed.StateReason)
        );
    }

    [TestMethod]
    public void ALostEventShowsAsADifference()
    {
        using var folder = new TempFolder();
        var outcome = Recordings.RecordMixedRun(Path.Combine(folder.Path, "uet.db"));
        using var store = LiteDbStore.Open(outcome.StorePath!);
        var events = store.Events(outcome.Run.RunId);
        var lost = events.First(e => e.Kind == EventKinds.TestFailed);

        var differences = RunDifferences.Between(
            store.FindRun(outcome.Run.RunId)!,
            RunProjection.Replay(events.Where(e => e != lost))
        );

        CollectionAssert.Contains(differences.ToList(), "failed: stored 2, from events 1");
        Assert.IsTrue(
            differences.Any(d => d.StartsWith("events: stored", StringComparison.Ordinal)),
            string.Join("\n", differences)
        );
    }

    [TestMethod]
    public void AnAbortedOrCanceledCompletionIsReplayedAsSuch()
    {
        var runId = Ids.New();
        var start = RunEvents.Started(runId, Recordings.Start(), DateTimeOffset.UtcNow);
        var passed = RunEvents.Batch(
            runId,
            TestOutcome.Passed,
            [Recordings.Passed("A.B.C")],
            runSource: "",
            Recordings.At
        );

        var aborted = RunProjection.Replay([
            start,
            passed,
            RunEvents.Completed(
                runId,
                new RunCompletion
                {
                    Passed = 1,
                    Aborted = true,
                    AbortReason = "Test host process crashed",
                },
                Recordings.At
            ),
        ]);
        var canceled = RunProjection.Replay([
            start,
            passed,
            RunEvents.Completed(runId, new RunCompletion { Passed = 1, Canceled = true }, Recordings.At),
        ]);
        var clean = RunProjection.Replay([
            start,
            passed,
            RunEvents.Completed(runId, new RunCompletion { Passed = 1 }, Recordings.At),
        ]);

        Assert.AreEqual(
            (RunStates.Failed, true, "Test host process crashed"),
            (aborted.State, aborted.Aborted, aborted.StateReason)
        );
        Assert.AreEqual((RunStates.Canceled, true, true), (canceled.State, canceled.Aborted, canceled.Canceled));
        Assert.AreEqual((RunStates.Succeeded, false, null), (clean.State, clean.Aborted, clean.StateReason));
    }

    [TestMethod]
    public void EventsWithoutARunStartCannotBeReplayed()
    {
        var runId = Ids.New();
        var error = Assert.ThrowsExactly<InvalidDataException>(() =>
            RunProjection.Replay([RunEvents.Failed(runId, Recordings.Failed("A.B.C"), Recordings.At)])
        );
        StringAssert.Contains(error.Message, "before the run's run_started event");
        Assert.ThrowsExactly<InvalidDataException>(() => RunProjection.Replay([]));
    }
}

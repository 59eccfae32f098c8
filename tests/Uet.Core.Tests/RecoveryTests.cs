using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Store.LiteDb;

namespace Uet.Core.Tests;

[TestClass]
public sealed class RecoveryTests
{
    [TestMethod]
    public void ARunWhoseRecorderIsGoneIsMarkedAbortedWhenTheStoreIsNextOpened()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        var runId = Ids.New();
        // A run left "running" by a process that no longer exists (pid 1's start time is not ours to fake).
        var dead = new RecorderProcess(
            Environment.MachineName,
            ProcessId: int.MaxValue - 7,
            DateTimeOffset.UtcNow.AddMinutes(-5),
            OnCi: false
        );
        using (var store = LiteDbStore.Open(path))
        {
            var start = RunEvents.Started(runId, Recordings.Start() with { Recorder = dead }, Recordings.At);
            var failed = RunEvents.Failed(runId, Recordings.Failed("A.Tests.One"), Recordings.At);
            store.Append(
                new RunState
                {
                    RunId = runId,
                    SessionId = "session-1",
                    Project = "Sample.Tests",
                    TargetFramework = "net10.0",
                    StartedAt = start.Ts,
                    Sources = Recordings.Start().Sources,
                    Recorder = dead,
                    Failed = 1,
                    EventCount = 2,
                },
                [start, failed]
            );
        }

        using var reopened = LiteDbStore.Open(path);

        CollectionAssert.AreEqual(new[] { runId }, reopened.RecoveredRuns.ToList());
        var run = reopened.FindRun(runId)!;
        Assert.AreEqual((RunStates.Failed, true, 1), (run.State, run.Aborted, run.Failed));
        StringAssert.Contains(run.StateReason, "ended before the run completed");
        var events = reopened.Events(runId);
        Assert.AreEqual(EventKinds.RunAborted, events[^1].Kind);
        Assert.AreEqual(
            "",
            string.Join("; ", RunDifferences.Between(run, RunProjection.Replay(events))),
            "replay agrees with the recovered state"
        );
        Assert.AreEqual(0, LiteDbStore.Open(path).RecoveredRuns.Count, "recovered once only");
    }

    [TestMethod]
    public void ARunWhoseRecorderIsAliveIsLeftRunning()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        var recorder = new RunRecorder(Recordings.Options(path), Ids.New(), Recordings.Start(), _ => { });
        Recordings.WaitUntil(() => Recordings.StoredEvents(path, recorder.RunId) >= 1);

        using (var store = LiteDbStore.Open(path))
        {
            Assert.AreEqual(0, store.RecoveredRuns.Count);
            Assert.AreEqual(RunStates.Running, store.FindRun(recorder.RunId)!.State);
        }
        recorder.Complete(new RunCompletion());
    }

    [TestMethod]
    public void ARunRecordedOnAnotherMachineIsLeftAlone()
    {
        var elsewhere = new RecorderProcess("some-other-ci-agent", 4242, DateTimeOffset.UtcNow, OnCi: true);
        Assert.IsTrue(elsewhere.IsAlive(), "we cannot see another machine's processes, so we do not abort its runs");
    }

    [TestMethod]
    public void AReusedProcessIdIsNotTakenForTheRecorder()
    {
        var current = RecorderProcess.Current(Recordings.NotOnCi);
        Assert.IsTrue(current.IsAlive());
        Assert.IsFalse((current with { ProcessStartedAt = current.ProcessStartedAt.AddHours(-1) }).IsAlive());
    }
}

using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Store.LiteDb;

namespace Uet.Core.IntegrationTests;

/// <summary>
/// The store under real concurrency and real crashes: separate processes, as `dotnet test` starts one
/// vstest.console per test project and target framework, all writing one file.
/// </summary>
[TestClass]
public sealed class ConcurrentWriterTests
{
    [TestMethod]
    public void EightProcessesWritingAtOnceLoseNothingAndCorruptNothing()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        const int Results = 3000,
            FailEvery = 4;
        // Small pauses and a 20 ms flush interval: each writer commits many small transactions, interleaved with the others.
        var writers = Enumerable
            .Range(0, 8)
            .Select(_ => new WriterProcess(
                path,
                "one-session",
                Results,
                FailEvery,
                pauseEvery: 100,
                pauseMs: 5,
                flushMs: 20
            ))
            .ToList();
        try
        {
            var exitCodes = writers.Select(w => w.WaitForExit()).ToList();
            CollectionAssert.AreEqual(
                Enumerable.Repeat(0, 8).ToList(),
                exitCodes,
                string.Join("\n---\n", writers.Select(w => w.Output))
            );

            using var store = LiteDbStore.Open(path);
            Assert.AreEqual(0, store.CheckIntegrity().Count, string.Join("\n", store.CheckIntegrity()));
            var runs = store.Runs();
            CollectionAssert.AreEquivalent(writers.Select(w => w.RunId).ToList(), runs.Select(r => r.RunId).ToList());
            foreach (var run in runs)
            {
                var events = store.Events(run.RunId);
                var replayed = RunProjection.Replay(events);
                Assert.AreEqual(
                    (Results - Results / FailEvery, Results / FailEvery),
                    (replayed.Passed, replayed.Failed),
                    $"every result of run {run.RunId} is in its events"
                );
                Assert.AreEqual(Results / FailEvery, events.Count(e => e.Kind == EventKinds.TestFailed));
                Assert.AreEqual(
                    0,
                    RunDifferences.Between(run, replayed).Count,
                    string.Join("\n", RunDifferences.Between(run, replayed))
                );
                Assert.AreEqual(RunStates.Failed, run.State);
                Assert.AreEqual("one-session", run.SessionId);
            }
        }
        finally
        {
            writers.ForEach(w => w.Dispose());
        }
    }

    [TestMethod]
    public void AWriterKilledMidRunLeavesAStoreThatOpensKeepsEveryFlushedEventAndMarksTheRunAborted()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        // A slow run (every result fails, 2 ms apart, flushed every 30 ms) and a healthy neighbour writing at the same time.
        using var victim = new WriterProcess(
            path,
            "s",
            results: 100_000,
            failEvery: 1,
            pauseEvery: 1,
            pauseMs: 2,
            flushMs: 30
        );
        using var neighbour = new WriterProcess(
            path,
            "s",
            results: 2000,
            failEvery: 10,
            pauseEvery: 50,
            pauseMs: 5,
            flushMs: 30
        );
        var victimRun = victim.RunId;

        List<string> flushed = [];
        Recordings.WaitUntil(() =>
        {
            using var store = LiteDbStore.Open(path);
            flushed = store.Events(victimRun).Select(e => e.EventId).ToList();
            return flushed.Count >= 150;
        });
        victim.KillHard();
        Assert.AreEqual(0, neighbour.WaitForExit(), neighbour.Output);

        using var reopened = LiteDbStore.Open(path);
        CollectionAssert.Contains(reopened.RecoveredRuns.ToList(), victimRun);
        var events = reopened.Events(victimRun);
        CollectionAssert.IsSubsetOf(
            flushed,
            events.Select(e => e.EventId).ToList(),
            "every event seen committed before the kill is still there"
        );
        var run = reopened.FindRun(victimRun)!;
        Assert.AreEqual((RunStates.Failed, true), (run.State, run.Aborted));
        Assert.AreEqual(EventKinds.RunAborted, events[^1].Kind);
        Assert.AreEqual(
            0,
            RunDifferences.Between(run, RunProjection.Replay(events)).Count,
            string.Join("\n", RunDifferences.Between(run, RunProjection.Replay(events)))
        );
        Assert.AreEqual(0, reopened.CheckIntegrity().Count, string.Join("\n", reopened.CheckIntegrity()));
        var neighbourRun = reopened.Runs().Single(r => r.RunId != victimRun);
        Assert.AreEqual(
            (RunStates.Failed, false, 1800, 200),
            (neighbourRun.State, neighbourRun.Aborted, neighbourRun.Passed, neighbourRun.Failed)
        );
    }
}

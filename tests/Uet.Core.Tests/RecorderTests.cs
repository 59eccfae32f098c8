using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Store.LiteDb;

namespace Uet.Core.Tests;

[TestClass]
public sealed class RecorderTests
{
    [TestMethod]
    public void PassedAndSkippedResultsAreBatchedAndFailuresAreEventsOfTheirOwn()
    {
        using var folder = new TempFolder();
        var outcome = Recordings.RecordMixedRun(Path.Combine(folder.Path, "uet.db"));
        using var store = LiteDbStore.Open(outcome.StorePath!);
        var events = store.Events(outcome.Run.RunId);

        Assert.AreEqual(2, events.Count(e => e.Kind == EventKinds.TestFailed));
        var passedBatches = events.Where(e => e.Kind == EventKinds.TestsPassed).ToList();
        Assert.AreEqual(5, passedBatches.Sum(e => e.Payload["count"]!.GetValue<int>()));
        Assert.IsTrue(
            passedBatches.All(e => e.Payload["results"]!.AsArray().Count <= 3),
            "batches hold at most ResultsPerBatchEvent results"
        );
        var passedNames = passedBatches
            .SelectMany(e => e.Payload["results"]!.AsArray())
            .Select(r => r!["test"]!.GetValue<string>())
            .ToList();
        CollectionAssert.AreEqual(
            Enumerable.Range(1, 5).Select(i => $"Sample.Tests.Math.Adds{i}").ToList(),
            passedNames,
            "in the order the tests ended"
        );
        Assert.AreEqual(
            1,
            events.Where(e => e.Kind == EventKinds.TestsSkipped).Sum(e => e.Payload["count"]!.GetValue<int>())
        );
    }

    [TestMethod]
    public void TheRunIsVisibleAsRunningInTheStoreRightAfterItStarts()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        var recorder = new RunRecorder(Recordings.Options(path), Ids.New(), Recordings.Start(), _ => { });
        recorder.Record(Recordings.Passed("A.B.C"));

        RunState? running = null;
        for (var attempt = 0; attempt < 100 && running is null; attempt++)
        {
            Thread.Sleep(20);
            if (File.Exists(path))
            {
                using var store = LiteDbStore.Open(path);
                running = store.FindRun(recorder.RunId);
            }
        }
        Assert.IsNotNull(running);
        Assert.AreEqual(RunStates.Running, running.State);
        recorder.Complete(new RunCompletion { Passed = 1 });
    }

    [TestMethod]
    public void ACorruptStoreSendsTheWholeRunToJsonlWithOneWarningAndLosesNothing()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uet.db", [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7))]);
        var warnings = new List<string>();

        var outcome = Recordings.RecordMixedRun(path, warnings: warnings);

        Assert.AreEqual(1, warnings.Count, string.Join("\n", warnings));
        StringAssert.Contains(warnings[0], "damaged");
        StringAssert.Contains(warnings[0], "The test run goes on");
        Assert.IsNull(outcome.StorePath);
        Assert.IsNotNull(outcome.FallbackPath);
        StringAssert.StartsWith(outcome.FallbackPath, Path.Combine(folder.Path, "TestResults"));
        var replayed = RunProjection.Replay(JsonlFallback.Read(outcome.FallbackPath).Events);
        Assert.AreEqual(
            (5, 2, 1, RunStates.Failed),
            (replayed.Passed, replayed.Failed, replayed.Skipped, replayed.State)
        );
        Assert.AreEqual(0, RunDifferences.Between(outcome.Run, replayed).Count, "the JSONL file holds the whole run");
    }

    [TestMethod]
    public void AStoreThatFailsMidRunKeepsWhatItHasAndTheRestGoesToJsonl()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        var warnings = new List<string>();
        var recorder = new RunRecorder(Recordings.Options(path), Ids.New(), Recordings.Start(), warnings.Add);
        recorder.Record(Recordings.Failed("A.Tests.First"));
        Recordings.WaitUntil(() => Recordings.StoredEvents(path, recorder.RunId) >= 2);

        // Another program takes the file: every later write fails.
        using (var locker = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            recorder.Record(Recordings.Failed("A.Tests.Second"));
            recorder.Record(Recordings.Passed("A.Tests.Third"));
            var outcome = recorder.Complete(new RunCompletion { Passed = 1, Failed = 2 })!;

            Assert.AreEqual(1, warnings.Count, string.Join("\n", warnings));
            StringAssert.Contains(warnings[0], "locked by another program");
            Assert.IsNotNull(outcome.FallbackPath);
            var rest = JsonlFallback.Read(outcome.FallbackPath).Events;
            CollectionAssert.AreEqual(
                new[] { EventKinds.TestFailed, EventKinds.TestsPassed, EventKinds.RunCompleted },
                rest.Select(e => e.Kind).ToList()
            );
        }
        using var store = LiteDbStore.Open(path);
        var kept = store.Events(recorder.RunId);
        CollectionAssert.AreEqual(
            new[] { EventKinds.RunStarted, EventKinds.TestFailed },
            kept.Select(e => e.Kind).ToList()
        );
        var whole = RunProjection.Replay(
            kept.Concat(JsonlFallback.Read(Directory.GetFiles(Path.Combine(folder.Path, "TestResults"))[0]).Events)
        );
        Assert.AreEqual((1, 2), (whole.Passed, whole.Failed), "store and JSONL together hold the whole run");
    }

    [TestMethod]
    public void WhenNeitherStoreNorFallbackCanBeWrittenTheRecorderWarnsAndReturns()
    {
        using var folder = new TempFolder();
        var blocker = folder.Write("file", "not a folder");
        var warnings = new List<string>();
        var options = Recordings.Options(Path.Combine(blocker, "uet.db"), fallback: Path.Combine(blocker, "results"));
        var recorder = new RunRecorder(options, Ids.New(), Recordings.Start(), warnings.Add);
        recorder.Record(Recordings.Failed("A.B.C"));

        var outcome = recorder.Complete(new RunCompletion { Failed = 1 });

        Assert.IsNotNull(outcome);
        Assert.IsNull(outcome.StorePath);
        Assert.IsTrue(warnings.Count >= 2, string.Join("\n", warnings));
        Assert.IsTrue(warnings.Any(w => w.Contains("are lost", StringComparison.Ordinal)), string.Join("\n", warnings));
    }

    [TestMethod]
    public void ARecorderThatIsNeverCompletedStillShowsWhatWasFlushed()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        var recorder = new RunRecorder(Recordings.Options(path), Ids.New(), Recordings.Start(), _ => { });
        for (var i = 0; i < 10; i++)
        {
            recorder.Record(Recordings.Failed($"A.Tests.T{i}"));
        }

        Recordings.WaitUntil(() => Recordings.StoredEvents(path, recorder.RunId) == 11);
        using var store = LiteDbStore.Open(path);
        Assert.AreEqual(10, store.FindRun(recorder.RunId)!.Failed, "the stored counts follow the flushed events");
        recorder.Complete(new RunCompletion { Failed = 10 });
    }
}

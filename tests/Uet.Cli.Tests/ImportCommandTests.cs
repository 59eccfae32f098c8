using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Store.LiteDb;

namespace Uet.Cli.Tests;

/// <summary>`uet import`: the JSONL file a run wrote when the store was unusable goes into the store, nothing twice.</summary>
[TestClass]
public sealed class ImportCommandTests
{
    [TestMethod]
    public void AWholeRunFromItsFallbackFileLandsInTheStoreOnce()
    {
        using var folder = new TempFolder();
        var damaged = folder.Write("damaged.db", [.. Enumerable.Range(0, 16 * 1024).Select(i => (byte)(i * 5))]);
        var recorded = Recordings.RecordMixedRun(damaged);
        var db = Path.Combine(folder.Path, "uet.db");

        var (code, output) = UetCli.Run("import", recorded.FallbackPath!, "--db", db);

        Assert.AreEqual(0, code, output);
        Assert.AreEqual(
            $"run {recorded.Run.RunId}: {recorded.Run.EventCount} event(s) imported, 0 already in {db}; failed, 5 passed, 2 failed, 1 skipped.",
            output.Trim()
        );
        Assert.AreEqual(0, UetCli.Run("replay", "--db", db, "--run", recorded.Run.RunId).ExitCode);
        StringAssert.Contains(
            UetCli.Run("import", recorded.FallbackPath!, "--db", db).Output,
            $"0 event(s) imported, {recorded.Run.EventCount} already in"
        );
    }

    [TestMethod]
    public void TheRestOfARunWhoseStoreFailedMidRunCompletesTheStoredPart()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        var recorder = new RunRecorder(Recordings.Options(db), Ids.New(), Recordings.Start(), _ => { });
        recorder.Record(Recordings.Failed("A.Tests.First"));
        Recordings.WaitUntil(() => Recordings.StoredEvents(db, recorder.RunId) >= 2);
        RecordingOutcome outcome;
        using (new FileStream(db, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            recorder.Record(Recordings.Failed("A.Tests.Second"));
            recorder.Record(Recordings.Passed("A.Tests.Third"));
            outcome = recorder.Complete(new RunCompletion { Passed = 1, Failed = 2 })!;
        }
        using (var store = LiteDbStore.Open(db))
        {
            Assert.AreEqual(
                (RunStates.Running, 1),
                (store.FindRun(recorder.RunId)!.State, store.FindRun(recorder.RunId)!.Failed),
                "the store kept only the start"
            );
        }

        var (code, output) = UetCli.Run("import", outcome.FallbackPath!, "--db", db);

        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "3 event(s) imported, 2 already in");
        using var reopened = LiteDbStore.Open(db);
        var run = reopened.FindRun(recorder.RunId)!;
        Assert.AreEqual((RunStates.Failed, false, 1, 2), (run.State, run.Aborted, run.Passed, run.Failed));
        Assert.AreEqual(0, reopened.RecoveredRuns.Count, "a completed import is not taken for an abandoned run");
        Assert.AreEqual(0, UetCli.Run("replay", "--db", db).ExitCode);
    }

    [TestMethod]
    public void ALineCutByACrashIsSkippedAndSaidSo()
    {
        using var folder = new TempFolder();
        var damaged = folder.Write("damaged.db", [.. Enumerable.Range(0, 16 * 1024).Select(i => (byte)(i * 3))]);
        var recorded = Recordings.RecordMixedRun(damaged);
        var lines = File.ReadAllLines(recorded.FallbackPath!);
        var torn = folder.Write(
            "torn.jsonl",
            string.Join("\n", lines[..^1]) + "\n" + lines[^1][..(lines[^1].Length / 2)]
        );
        var db = Path.Combine(folder.Path, "uet.db");

        var (code, output) = UetCli.Run("import", torn, "--db", db);

        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, $"{torn}: 1 line(s) that are not run_event documents skipped");
        StringAssert.Contains(output, $"{lines.Length - 1} event(s) imported");
        StringAssert.Contains(
            output,
            "running, 5 passed, 2 failed, 1 skipped",
            "without its run_completed line the run is still running"
        );
    }

    [TestMethod]
    public void AMissingFileIsAnError()
    {
        using var folder = new TempFolder();
        var (code, output) = UetCli.Run(
            "import",
            Path.Combine(folder.Path, "nope.jsonl"),
            "--db",
            Path.Combine(folder.Path, "uet.db")
        );
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "nope.jsonl: no such file.");
    }
}

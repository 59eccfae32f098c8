using LiteDB;
using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Core.Store;

namespace Uet.Store.LiteDb.Tests;

[TestClass]
public sealed class StoreTests
{
    [TestMethod]
    public void ARecordedRunIsStoredWithItsCountsAndItsEventsInOrder()
    {
        using var folder = new TempFolder();
        var outcome = Recordings.RecordMixedRun(Path.Combine(folder.Path, "uet.db"));

        using var store = LiteDbStore.Open(outcome.StorePath!);
        var run = store.FindRun(outcome.Run.RunId)!;
        Assert.AreEqual((5, 2, 1), (run.Passed, run.Failed, run.Skipped));
        Assert.AreEqual(RunStates.Failed, run.State);
        Assert.IsFalse(run.Aborted);
        Assert.AreEqual("session-1", run.SessionId);
        var events = store.Events(run.RunId);
        Assert.AreEqual(run.EventCount, events.Count);
        Assert.AreEqual(EventKinds.RunStarted, events[0].Kind);
        Assert.AreEqual(EventKinds.RunCompleted, events[^1].Kind);
        CollectionAssert.AreEqual(
            new[] { "Sample.Tests.Math.Divides", "Sample.Tests.Io.Reads" },
            events
                .Where(e => e.Kind == EventKinds.TestFailed)
                .Select(e => e.Payload["test"]!.GetValue<string>())
                .ToList()
        );
        Assert.IsTrue(
            events.Zip(events.Skip(1)).All(pair => pair.First.Ts <= pair.Second.Ts),
            "events come out in time order"
        );
    }

    [TestMethod]
    public void AFailedTestKeepsEverythingAReportNeeds()
    {
        using var folder = new TempFolder();
        var outcome = Recordings.RecordMixedRun(Path.Combine(folder.Path, "uet.db"));
        using var store = LiteDbStore.Open(outcome.StorePath!);

        var failed = store.Events(outcome.Run.RunId).First(e => e.Kind == EventKinds.TestFailed).Payload;
        Assert.AreEqual("Sample.Tests.Math.Divides", failed["test"]!.GetValue<string>());
        Assert.AreEqual("Divides (case 1)", failed["display_name"]!.GetValue<string>());
        Assert.AreEqual("failed", failed["outcome"]!.GetValue<string>());
        Assert.AreEqual(12.5, failed["duration_ms"]!.GetValue<double>());
        StringAssert.Contains(failed["error_message"]!.GetValue<string>(), "Expected:<1>");
        StringAssert.Contains(failed["error_stack_trace"]!.GetValue<string>(), "Tests.cs:line 42");
        Assert.AreEqual("hello from the test\n", failed["stdout"]!.GetValue<string>());
        Assert.AreEqual("a warning\n", failed["stderr"]!.GetValue<string>());
        Assert.AreEqual("smoke", failed["categories"]![0]!.GetValue<string>());
        Assert.AreEqual("Priority", failed["traits"]![0]!["name"]!.GetValue<string>());
        Assert.AreEqual("/src/Sample.Tests/Tests.cs", failed["code_file"]!.GetValue<string>());
        Assert.AreEqual(40, failed["line"]!.GetValue<int>());
    }

    [TestMethod]
    public void LongTextsAreStoredCompressedAndReadBackExactly()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        var stack = string.Join(
            "\n",
            Enumerable
                .Range(0, 40)
                .Select(i =>
                    $"   at Shop.Checkout.Stage{i % 4}.Run(Order order) in /src/Shop/Checkout.cs:line {100 + i % 7}"
                )
        );
        var output = string.Concat(Enumerable.Repeat("naïve café 😀 ", 400));
        var recorder = new Uet.Core.Recording.RunRecorder(Recordings.Options(path), Ids.New(), Recordings.Start(), _ =>
        { });
        recorder.Record(Recordings.Failed("A.Tests.Deep") with { ErrorStackTrace = stack, StandardOutput = output });
        recorder.Record(Recordings.Passed("A.Tests.Chatty") with { StandardOutput = output });
        var outcome = recorder.Complete(new RunCompletion { Passed = 1, Failed = 1 })!;

        using (var store = LiteDbStore.Open(path))
        {
            var events = store.Events(outcome.Run.RunId);
            var failed = events.Single(e => e.Kind == EventKinds.TestFailed).Payload;
            Assert.AreEqual(stack, failed["error_stack_trace"]!.GetValue<string>());
            Assert.AreEqual(output, failed["stdout"]!.GetValue<string>());
            Assert.AreEqual(
                output,
                events.Single(e => e.Kind == EventKinds.TestsPassed).Payload["results"]![0]![
                    "stdout"
                ]!.GetValue<string>()
            );
            Assert.AreEqual("/src/Sample.Tests/Tests.cs", failed["code_file"]!.GetValue<string>());
        }
        using var db = new LiteDatabase($"Filename={path};Connection=shared");
        var raw = db.GetCollection("events").FindAll().Single(d => d["kind"] == EventKinds.TestFailed)["payload"];
        Assert.AreEqual(BsonType.Binary, raw["error_stack_trace"].Type);
        Assert.IsTrue(
            raw["error_stack_trace"].AsBinary.Length * 5 < stack.Length,
            $"stored in {raw["error_stack_trace"].AsBinary.Length} bytes"
        );
        Assert.AreEqual(BsonType.String, raw["error_message"].Type);
    }

    [TestMethod]
    public void RunsAccumulateAndLatestIsTheNewest()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        var first = Recordings.RecordMixedRun(path, "s1");
        var second = Recordings.RecordMixedRun(path, "s2", "Other.Tests");

        using var store = LiteDbStore.Open(path);
        CollectionAssert.AreEqual(
            new[] { first.Run.RunId, second.Run.RunId },
            store.Runs().Select(r => r.RunId).ToList()
        );
        Assert.AreEqual(second.Run.RunId, store.FindRun("latest")!.RunId);
        Assert.AreEqual(
            first.Run.RunId,
            store.FindRun(first.Run.RunId.ToLowerInvariant())!.RunId,
            "run ids are case-insensitive, like ULIDs"
        );
        Assert.IsNull(store.FindRun("01ARZ3NDEKTSV4RRFFQ69G5FAV"));
        Assert.AreEqual(0, store.CheckIntegrity().Count);
    }

    [TestMethod]
    public void ANewStoreGetsTheCurrentLayoutVersionAndItsIndexes()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "sub", "uet.db");
        LiteDbStore.Open(path).Dispose();

        using var db = new LiteDatabase($"Filename={path};Connection=shared");
        Assert.AreEqual(1, db.UserVersion);
        var indexes = db.GetCollection("$indexes")
            .FindAll()
            .Select(i => $"{i["collection"].AsString} {i["expression"].AsString}")
            .ToList();
        CollectionAssert.IsSubsetOf(
            new[] { "fix_tasks $.signature", "fix_tasks $.state", "workers $.run_id" },
            indexes
        );
        Assert.IsFalse(
            indexes.Any(i =>
                i.StartsWith("events ", StringComparison.Ordinal) && !i.EndsWith("$._id", StringComparison.Ordinal)
            ),
            "the recorder's hot path maintains no secondary index on events"
        );
    }

    [TestMethod]
    public void AStoreFromANewerUetIsRefusedWithTheReason()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        using (var db = new LiteDatabase($"Filename={path};Connection=shared"))
        {
            db.UserVersion = 99;
        }

        var error = Assert.ThrowsExactly<StoreException>(() => LiteDbStore.Open(path));
        StringAssert.Contains(error.Message, "layout version 99, written by a newer Uet");
        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void ACorruptFileIsReportedAsDamagedNotAsACrash()
    {
        using var folder = new TempFolder();
        var path = folder.Write("uet.db", [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31))]);

        var error = Assert.ThrowsExactly<StoreException>(() => LiteDbStore.Open(path));
        StringAssert.Contains(error.Message, "damaged or not a LiteDB file");
        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void AStoreLockedByAnotherProgramIsReportedAsLocked()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");
        LiteDbStore.Open(path).Dispose();
        using var locker = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var error = Assert.ThrowsExactly<StoreException>(() => LiteDbStore.Open(path));
        StringAssert.Contains(error.Message, "locked by another program");
    }

    [TestMethod]
    public void AStoreThatCannotBeCreatedSaysWhere()
    {
        using var folder = new TempFolder();
        var blocker = folder.Write("not-a-folder", "a file where a folder should be");

        var error = Assert.ThrowsExactly<StoreException>(() => LiteDbStore.Open(Path.Combine(blocker, "uet.db")));
        StringAssert.Contains(error.Message, blocker);
    }

    [TestMethod]
    public void OpeningAMissingStoreForReadingDoesNotCreateIt()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "uet.db");

        var error = Assert.ThrowsExactly<StoreException>(() => LiteDbStore.Open(path, createIfMissing: false));
        StringAssert.Contains(error.Message, "no Uet store here");
        Assert.IsFalse(File.Exists(path));
    }
}

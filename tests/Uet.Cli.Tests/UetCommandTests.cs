using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Store.LiteDb;

namespace Uet.Cli.Tests;

/// <summary>The `uet` command on stores recorded by the real recorder; output read as a user reads it.</summary>
[TestClass]
public sealed class UetCommandTests
{
    [TestMethod]
    public void RunsListsEveryRunUnderItsSession()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        var first = Recordings.RecordMixedRun(db, "session-a", "Alpha.Tests");
        Recordings.RecordMixedRun(db, "session-a", "Beta.Tests");
        var third = Recordings.RecordMixedRun(db, "session-b", "Alpha.Tests");

        var (code, output) = UetCli.Run("runs", "--db", db);

        Assert.AreEqual(0, code, output);
        var lines = output.TrimEnd().Split('\n');
        Assert.AreEqual(5, lines.Length, output);
        Assert.AreEqual("session session-a: 2 run(s), 10 passed, 4 failed, 2 skipped", lines[0]);
        StringAssert.Contains(lines[1], $"{first.Run.RunId}");
        StringAssert.Contains(lines[1], "Alpha.Tests (net10.0)  failed  5 passed, 2 failed, 1 skipped");
        Assert.AreEqual("session session-b: 1 run(s), 5 passed, 2 failed, 1 skipped", lines[3]);
        StringAssert.Contains(lines[4], third.Run.RunId);
    }

    [TestMethod]
    public void RunsJsonHasTheDocumentedFields()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        var recorded = Recordings.RecordMixedRun(db, "s1");

        var (code, output) = UetCli.Run("runs", "--db", db, "--json");

        Assert.AreEqual(0, code, output);
        var run = JsonNode.Parse(output)!.AsArray().Single()!;
        Assert.AreEqual(recorded.Run.RunId, run["run_id"]!.GetValue<string>());
        Assert.AreEqual("s1", run["session_id"]!.GetValue<string>());
        Assert.AreEqual("failed", run["state"]!.GetValue<string>());
        Assert.IsFalse(run["aborted"]!.GetValue<bool>());
        Assert.AreEqual(
            (5, 2, 1),
            (run["passed"]!.GetValue<int>(), run["failed"]!.GetValue<int>(), run["skipped"]!.GetValue<int>())
        );
    }

    [TestMethod]
    public void EventsPrintsATimelineAndCanFilterByKind()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        var recorded = Recordings.RecordMixedRun(db);

        var (code, output) = UetCli.Run("events", "--db", db, "--run", recorded.Run.RunId);
        var (_, failures) = UetCli.Run("events", "--db", db, "--kind", "test_failed");

        Assert.AreEqual(0, code, output);
        var lines = output.TrimEnd().Split('\n');
        StringAssert.StartsWith(
            lines[0],
            $"run {recorded.Run.RunId}: Sample.Tests (net10.0), session session-1, failed"
        );
        StringAssert.Contains(lines[1], "run_started");
        StringAssert.Contains(lines[^1], "run_completed           5 passed, 2 failed, 1 skipped in 1500 ms");
        var failureLines = failures.TrimEnd().Split('\n')[1..];
        Assert.AreEqual(2, failureLines.Length, failures);
        StringAssert.Contains(
            failureLines[0],
            "test_failed             Sample.Tests.Math.Divides: Assert.AreEqual failed. Expected:<1>. Actual:<2>. (Tests.cs:40)"
        );
    }

    [TestMethod]
    public void EventsJsonIsTheRunsRunEventDocumentsInOrder()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        var recorded = Recordings.RecordMixedRun(db);

        var (code, output) = UetCli.Run("events", "--db", db, "--run", "latest", "--json");

        Assert.AreEqual(0, code, output);
        var events = JsonNode.Parse(output)!.AsArray().Select(e => RunEvent.FromJson(e!.AsObject())).ToList();
        Assert.AreEqual(recorded.Run.EventCount, events.Count);
        Assert.AreEqual(EventKinds.RunStarted, events[0].Kind);
        Assert.AreEqual(EventKinds.RunCompleted, events[^1].Kind);
        CollectionAssert.AreEqual(
            events.Select(e => e.EventId).Order(StringComparer.Ordinal).ToList(),
            events.Select(e => e.EventId).ToList()
        );
        Assert.IsTrue(events.All(e => e.RunId == recorded.Run.RunId));
    }

    [TestMethod]
    public void ReplayExitsZeroWhenTheEventsRebuildTheStoredStateAndOneWhenTheyDoNot()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        var recorded = Recordings.RecordMixedRun(db);

        var (equalCode, equal) = UetCli.Run("replay", "--db", db, "--run", recorded.Run.RunId);
        Assert.AreEqual(0, equalCode, equal);
        StringAssert.Contains(equal, "equals the stored state");

        // A run whose stored state counts a skipped test that no event of it holds (as if that event were lost).
        var lost = recorded.Run with { RunId = Ids.New() };
        using (var store = LiteDbStore.Open(db))
        {
            var started = RunEvents.Started(lost.RunId, Recordings.Start(), lost.StartedAt);
            var completed = RunEvents.Completed(lost.RunId, new RunCompletion(), lost.StartedAt.AddSeconds(1));
            store.Append(lost with { Passed = 0, Failed = 0, Skipped = 1, EventCount = 2 }, [started, completed]);
        }
        var (differentCode, different) = UetCli.Run("replay", "--db", db, "--run", lost.RunId);
        Assert.AreEqual(1, differentCode, different);
        StringAssert.Contains(different, "differs from the stored state");
        StringAssert.Contains(different, "skipped: stored 1, from events 0");
    }

    [TestMethod]
    public void EventsAndReplayOfASessionCoverEveryRunOfIt()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        var alpha = Recordings.RecordMixedRun(db, "session-a", "Alpha.Tests");
        var beta = Recordings.RecordMixedRun(db, "session-a", "Beta.Tests");
        Recordings.RecordMixedRun(db, "session-b", "Gamma.Tests");

        var (code, output) = UetCli.Run("events", "--db", db, "--session", "session-a");

        Assert.AreEqual(0, code, output);
        var lines = output.TrimEnd().Split('\n');
        StringAssert.StartsWith(lines[0], $"run {alpha.Run.RunId}: Alpha.Tests");
        StringAssert.StartsWith(lines[1], $"run {beta.Run.RunId}: Beta.Tests");
        var timeline = lines[2..];
        Assert.AreEqual(alpha.Run.EventCount + beta.Run.EventCount, timeline.Length, output);
        Assert.IsTrue(
            timeline.All(l =>
                l.StartsWith("Alpha.Tests  ", StringComparison.Ordinal)
                || l.StartsWith("Beta.Tests  ", StringComparison.Ordinal)
            ),
            output
        );
        Assert.IsFalse(output.Contains("Gamma", StringComparison.Ordinal));

        var (replayCode, replay) = UetCli.Run("replay", "--db", db, "--session", "session-a");
        Assert.AreEqual(0, replayCode, replay);
        Assert.AreEqual(2, replay.Split("equals the stored state").Length - 1, replay);

        Assert.AreEqual(
            (2, "uet: give --run or --session, not both."),
            Trimmed(UetCli.Run("events", "--db", db, "--session", "session-a", "--run", "latest"))
        );
        Assert.AreEqual(
            (2, $"uet: {db}: no test session 'nope'. `uet runs` lists the sessions."),
            Trimmed(UetCli.Run("replay", "--db", db, "--session", "nope"))
        );
    }

    [TestMethod]
    public void AMissingStoreAnUnknownRunAndADamagedStoreAreClearErrors()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");

        var (missingCode, missing) = UetCli.Run("runs", "--db", db);
        Assert.AreEqual(2, missingCode);
        Assert.AreEqual(
            $"uet: {db}: no Uet store here. Run `dotnet test --logger uet` first, or give the store with --db.",
            missing.Trim()
        );

        Recordings.RecordMixedRun(db);
        var (unknownCode, unknown) = UetCli.Run("events", "--db", db, "--run", "01ARZ3NDEKTSV4RRFFQ69G5FAV");
        Assert.AreEqual(2, unknownCode);
        Assert.AreEqual($"uet: {db}: no run '01ARZ3NDEKTSV4RRFFQ69G5FAV'. `uet runs` lists the runs.", unknown.Trim());

        var damaged = folder.Write("damaged.db", [.. Enumerable.Range(0, 16 * 1024).Select(i => (byte)(i * 17))]);
        var (damagedCode, damagedOutput) = UetCli.Run("replay", "--db", damaged);
        Assert.AreEqual(2, damagedCode);
        StringAssert.Contains(damagedOutput, "the store is damaged or not a LiteDB file");
    }

    [TestMethod]
    public void AnEmptyStoreHasNoLatestRun()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "uet.db");
        Uet.Store.LiteDb.LiteDbStore.Open(db).Dispose();

        Assert.AreEqual("No runs recorded.", UetCli.Run("runs", "--db", db).Output.Trim());
        var (code, output) = UetCli.Run("replay", "--db", db);
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "the store has no runs yet.");
    }

    [TestMethod]
    public void TheStoreComesFromTheEnvironmentWhenDbIsNotGiven()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "env.db");
        Recordings.RecordMixedRun(db, "from-env");
        var environment = new Dictionary<string, string> { ["UET_DB_PATH"] = db };

        StringAssert.StartsWith(UetCli.RunWith(environment, "runs").Output, "session from-env:");
    }

    [TestMethod]
    public void AnUnknownOptionIsAUsageError()
    {
        var (code, output) = UetCli.Run("runs", "--dbb", "x");
        Assert.AreEqual(2, code);
        StringAssert.StartsWith(output, "uet: Unrecognized command or argument '--dbb'.");
        Assert.AreEqual(0, UetCli.Run("--help").ExitCode);
    }

    private static (int, string) Trimmed((int ExitCode, string Output) result) =>
        (result.ExitCode, result.Output.Trim());
}

using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.Core.Health;
using Uet.Core.Ledger;
using Uet.Core.Runs;
using Uet.Core.Store;

namespace Uet.Tests.StoreContract;

/// <summary>
/// What every <see cref="IRunStore"/> must do, written against the interface only: a store's test project derives
/// a [TestClass] from this and says how to open its store. Compiled into the projects that set UetStoreContract.
/// </summary>
public abstract class RunStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty store that the test owns (disposed by the caller).</summary>
    protected abstract IRunStore NewStore();

    /// <summary>A location where no store exists yet.</summary>
    protected abstract string MissingLocation();

    protected abstract StoreOpener Opener { get; }

    [TestMethod]
    public void AppendedEventsAndTheRunReadBackAsWritten()
    {
        using var store = NewStore();
        var run = Run();
        var longText = string.Concat(Enumerable.Repeat("at Shop.Cart.Total() in /src/Cart.cs:line 42\n", 100));
        var failed = new RunEvent(
            Ids.New(),
            run.RunId,
            Start.AddSeconds(1),
            EventKinds.TestFailed,
            new JsonObject
            {
                ["test"] = "Shop.Tests.Total",
                ["duration_ms"] = 12.5,
                ["line"] = 42,
                ["error_stack_trace"] = longText,
                ["categories"] = new JsonArray("smoke"),
                ["gone"] = null,
            }
        );

        store.Append(run with { Failed = 1, EventCount = 1 }, [failed]);

        var read = store.Events(run.RunId).Single();
        Assert.AreEqual((failed.EventId, failed.Kind, failed.Ts), (read.EventId, read.Kind, read.Ts));
        Assert.AreEqual(failed.Payload.ToJsonString(), read.Payload.ToJsonString());
        var stored = store.FindRun(run.RunId)!;
        Assert.AreEqual((1, 1, RunStates.Running), (stored.Failed, stored.EventCount, stored.State));
        Assert.AreEqual(run.RunId, store.FindRun("latest")!.RunId);
        Assert.IsNull(store.FindRun("01NOSUCHRUN0000000000000000"));
    }

    [TestMethod]
    public void RunsAreListedOldestFirstAndEachHasOnlyItsOwnEvents()
    {
        using var store = NewStore();
        var first = Run();
        var second = Run();
        store.Append(first with { EventCount = 1 }, [Event(first, EventKinds.TestsPassed)]);
        store.Append(second with { EventCount = 2 }, [Event(second, EventKinds.TestsPassed), Event(second, "x")]);

        CollectionAssert.AreEqual(new[] { first.RunId, second.RunId }, store.Runs().Select(r => r.RunId).ToList());
        Assert.AreEqual(1, store.Events(first.RunId).Count);
        Assert.AreEqual(2, store.Events(second.RunId).Count);
        Assert.AreEqual(second.RunId, store.FindRun("latest")!.RunId);
    }

    [TestMethod]
    public void CompleteSavesTheRunItsEventsAndTheLedgersChangesTogether()
    {
        using var store = NewStore();
        var run = Run();
        store.Append(run with { EventCount = 1 }, [Event(run, EventKinds.RunStarted)]);
        var task = new StoredFixTask("FT-0000000001", "type | message | place", "open", "{\"id\":\"FT-0000000001\"}");
        var blocked = new BlockedWorkState(
            "WS-1",
            new Dictionary<string, IReadOnlyList<string>> { ["T2"] = ["FT-0000000001"] }
        );
        LedgerState? seen = null;

        var saved = store.Complete([Event(run, EventKinds.TestFailed)], state =>
        {
            seen = state;
            var final = run with { State = RunStates.Failed, EventCount = 3, EndedAt = Start.AddSeconds(5) };
            return (final, new LedgerChanges([task], blocked, [Event(run, EventKinds.FeedbackTaskCreated)]));
        });

        Assert.AreEqual(0, seen!.Tasks.Count, "a new store has no fix tasks");
        Assert.AreEqual(RunStates.Failed, saved.State);
        Assert.AreEqual(RunStates.Failed, store.FindRun(run.RunId)!.State);
        Assert.AreEqual(3, store.Events(run.RunId).Count);
        Assert.AreEqual(task, store.FixTasks().Single());
        var work = store.BlockedWork()!;
        Assert.AreEqual("WS-1", work.WorkstreamId);
        CollectionAssert.AreEqual(new[] { "FT-0000000001" }, work.Blocked["T2"].ToList());
    }

    [TestMethod]
    public void ALedgerThatThrowsLeavesTheStoreAsItWas()
    {
        using var store = NewStore();
        var run = Run();
        store.Append(run with { EventCount = 1 }, [Event(run, EventKinds.RunStarted)]);

        Assert.ThrowsExactly<StoreException>(() =>
            store.Complete([Event(run, EventKinds.TestFailed)], _ => throw new InvalidOperationException("boom"))
        );

        Assert.AreEqual(1, store.Events(run.RunId).Count, "the pending events did not land without the run");
        Assert.AreEqual(RunStates.Running, store.FindRun(run.RunId)!.State);
    }

    [TestMethod]
    public void ImportAddsOnlyTheEventsTheStoreLacksAndRebuildsTheRun()
    {
        using var store = NewStore();
        var run = Run();
        var start = RunEvents.Started(run.RunId, RunStart(), Start);
        var failed = RunEvents.Failed(
            run.RunId,
            new TestResultRecord { FullyQualifiedName = "A.B", Outcome = TestOutcome.Failed },
            Start.AddSeconds(1)
        );
        var completed = RunEvents.Completed(run.RunId, new RunCompletion { Failed = 1 }, Start.AddSeconds(2));
        store.Append(run with { EventCount = 1 }, [start]);

        var imported = store.Import([start, failed, completed]).Single();
        var again = store.Import([start, failed, completed]).Single();

        Assert.AreEqual((2, 1), (imported.Added, imported.AlreadyStored));
        Assert.AreEqual((0, 3), (again.Added, again.AlreadyStored));
        var stored = store.FindRun(run.RunId)!;
        Assert.AreEqual((RunStates.Failed, 1, 3), (stored.State, stored.Failed, stored.EventCount));
    }

    [TestMethod]
    public void TestHostsReadBackInTheOrderTheyStarted()
    {
        using var store = NewStore();
        var run = Run();
        store.Append(run, []);
        var later = new HealthReport(202, Start.AddSeconds(3), ["b.dll"], []);
        var earlier = new HealthReport(
            101,
            Start,
            ["a.dll"],
            [
                (
                    Start.AddSeconds(40),
                    new HealthFinding(
                        EventKinds.WorkerQuarantined,
                        101,
                        HostHealth.Unhealthy,
                        "A.Hangs",
                        TimeSpan.FromSeconds(90),
                        3,
                        true
                    )
                ),
            ]
        );

        store.SaveHosts(run.RunId, [later, earlier]);

        var hosts = store.Hosts(run.RunId);
        CollectionAssert.AreEqual(new[] { 101, 202 }, hosts.Select(h => h.HostId).ToList());
        Assert.AreEqual(("quarantined", "A.Hangs"), (hosts[0].Outcome, hosts[0].Findings.Single().Finding.Test));
        Assert.AreEqual(0, store.Hosts(Run().RunId).Count);
    }

    [TestMethod]
    public void OpeningAMissingStoreWithoutCreatingItSaysWhereItLooked()
    {
        var location = MissingLocation();

        var error = Assert.ThrowsExactly<StoreException>(() => Opener(location, false));

        StringAssert.Contains(error.Message, location);
    }

    private static RunState Run() =>
        new()
        {
            RunId = Ids.New(),
            SessionId = "session-1",
            Project = "Shop.Tests",
            StartedAt = Start,
            Recorder = new RecorderProcess(Environment.MachineName, Environment.ProcessId, Start, false),
        };

    private static RunStart RunStart() =>
        new()
        {
            SessionId = "session-1",
            Project = "Shop.Tests",
            Recorder = new RecorderProcess(Environment.MachineName, Environment.ProcessId, Start, false),
        };

    private static RunEvent Event(RunState run, string kind) =>
        new(Ids.New(), run.RunId, Start, kind, new JsonObject { ["n"] = 1 });
}

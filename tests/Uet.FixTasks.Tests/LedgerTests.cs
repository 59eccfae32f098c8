using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.FixTasks.Ledger;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Tasks;
using Uet.FixTasks.Workstreams;
using Uet.Tests.FixTasks;
using static Uet.Tests.FixTasks.Failures;

namespace Uet.FixTasks.Tests;

[TestClass]
public sealed class LedgerTests
{
    private static List<TestResultRecord> FortyNullsAndTwoAssertions() =>
        [
            .. Enumerable.Range(0, 40).Select(i => NullInTotal($"Shop.Tests.CartTests.Case{i:00}")),
            AssertEqual("Shop.Tests.PriceTests.Sum", 30, 27),
            AssertEqual("Shop.Tests.PriceTests.Tax", 5, 4),
        ];

    [TestMethod]
    public void EachRootCauseIsOneTaskRankedBlockingFirst()
    {
        var ledger = new LedgerHarness();

        ledger.Run("S1", FortyNullsAndTwoAssertions());

        var tasks = ledger.Tasks;
        Assert.AreEqual(3, tasks.Count);
        var nulls = tasks[0];
        Assert.AreEqual("NullReferenceException in Cart.Total()", nulls.Title);
        Assert.AreEqual(Priority.Critical, nulls.Priority);
        StringAssert.Contains(nulls.Reason, "fails 40 tests");
        Assert.AreEqual(40, nulls.Tests.Count);
        Assert.AreEqual("/src/Shop/Cart.cs:42", nulls.StartAt);
        StringAssert.StartsWith(nulls.Stack[0], "at Shop.Cart.Total()");
        Assert.IsTrue(tasks.Skip(1).All(t => t.Priority == Priority.High && t.Reason == "high: a test failed"));
        CollectionAssert.AreEqual(Enumerable.Repeat(EventKinds.FeedbackTaskCreated, 3).ToList(), ledger.Kinds.ToList());
    }

    [TestMethod]
    public void EveryTaskCarriesAContextWithinItsBudget()
    {
        var ledger = new LedgerHarness(new LedgerOptions { Model = "gpt-4o", TokenBudget = 300 });

        ledger.Run("S1", FortyNullsAndTwoAssertions());

        foreach (var task in ledger.Tasks)
        {
            Assert.IsNotNull(task.Context);
            Assert.IsTrue(task.ContextInfo!.Tokens <= 300, $"{task.Id}: {task.ContextInfo.Tokens} tokens");
            Assert.AreEqual(
                Uet.Context.TokenCounter.Default.Count(task.Context, "gpt-4o").Tokens,
                task.ContextInfo.Tokens
            );
            StringAssert.Contains(task.Context, task.Title);
        }
    }

    [TestMethod]
    public void ALaterRunUpdatesTheSameTasksAndPassingResolvesThem()
    {
        var ledger = new LedgerHarness();
        ledger.Run("S1", FortyNullsAndTwoAssertions());
        var first = ledger.Task("NullReferenceException");

        ledger.Run("S2", FortyNullsAndTwoAssertions());
        var second = ledger.Task("NullReferenceException");
        Assert.AreEqual(first.Id, second.Id);
        Assert.AreEqual(80, second.Occurrences);
        Assert.AreEqual(2, second.Runs.Count);
        Assert.AreEqual(first.FirstSeen, second.FirstSeen);
        Assert.AreEqual(
            (
                LedgerHarness.FirstRunAt + LedgerHarness.RunLength,
                LedgerHarness.FirstRunAt + 2 * LedgerHarness.RunLength
            ),
            (second.FirstSeen, second.LastSeen),
            "first seen when the first run ended, last seen when the second did"
        );
        Assert.AreEqual(0, ledger.LastEvents.Count, "nothing changed that deserves an event");

        ledger.Run(
            "S3",
            [
                .. FortyNullsAndTwoAssertions()
                    .Where(f => !f.FullyQualifiedName.Contains("PriceTests.Sum", StringComparison.Ordinal)),
            ],
            passed: ["Shop.Tests.PriceTests.Sum"]
        );
        Assert.AreEqual(FixTaskStatus.Resolved, ledger.Task("Assertion failed in PriceTests.Sum").Status);
        Assert.AreEqual(
            LedgerHarness.FirstRunAt + 3 * LedgerHarness.RunLength,
            ledger.Task("Assertion failed in PriceTests.Sum").ResolvedAt
        );
        CollectionAssert.AreEqual(new[] { EventKinds.FeedbackTaskResolved }, ledger.Kinds.ToArray());

        ledger.Run("S4", FortyNullsAndTwoAssertions());
        Assert.AreEqual(FixTaskStatus.Open, ledger.Task("Assertion failed in PriceTests.Sum").Status);
        CollectionAssert.AreEqual(new[] { EventKinds.FeedbackTaskReopened }, ledger.Kinds.ToArray());
    }

    [TestMethod]
    public void ATestThatFailsAndPassesByTurnsIsFlakyAndMedium()
    {
        var ledger = new LedgerHarness();
        var test = "Shop.Tests.PriceTests.Sum";

        ledger.Run("S1", [AssertEqual(test, 1, 2)]);
        ledger.Run("S2", [], passed: [test]);
        ledger.Run("S3", [AssertEqual(test, 1, 2)]);

        var task = ledger.Task("Assertion failed");
        Assert.IsTrue(task.Flaky);
        Assert.AreEqual(Priority.Medium, task.Priority);
        StringAssert.StartsWith(task.Reason, "medium: flaky");
        CollectionAssert.AreEqual(new[] { EventKinds.FeedbackTaskReopened }, ledger.Kinds.ToArray());
    }

    [TestMethod]
    public void FailingThenPassingInOneSessionKeepsTheTaskOpenAsFlaky()
    {
        var ledger = new LedgerHarness();
        var test = "Shop.Tests.PriceTests.Sum";

        ledger.Run("S1", [AssertEqual(test, 1, 2)]);
        ledger.Run("S1", [], passed: [test]); // A retry, or the next target framework.

        var task = ledger.Task("Assertion failed");
        Assert.AreEqual(FixTaskStatus.Open, task.Status);
        Assert.AreEqual(Priority.Medium, task.Priority);
        Assert.AreEqual("medium: flaky, a test failed and then passed within one test session", task.Reason);
        CollectionAssert.AreEqual(new[] { EventKinds.FeedbackTaskPriorityChanged }, ledger.Kinds.ToArray());
    }

    [TestMethod]
    public void InitializationFailuresAndBlockingTestsAreCritical()
    {
        var ledger = new LedgerHarness();
        var classInit = Enumerable
            .Range(0, 3)
            .Select(i =>
                Failed(
                    $"Shop.Tests.DbTests.T{i}",
                    "Class Initialization method Shop.Tests.DbTests.Init threw exception. System.InvalidOperationException: the database is down.",
                    "   at Shop.Tests.DbTests.Init(TestContext c) in /src/Shop.Tests/DbTests.cs:line 12"
                )
            )
            .ToList();

        ledger.Run(
            "S1",
            [
                .. classInit,
                Failed(
                    "Shop.Tests.Smoke.Home",
                    "System.Exception: 500",
                    "   at Shop.Web.Home() in /src/Shop/Web.cs:line 3",
                    categories: ["Smoke"]
                ),
                Failed(
                    "Shop.Tests.P.Login",
                    "System.Exception: 401",
                    "   at Shop.Web.Login() in /src/Shop/Web.cs:line 9",
                    priority: 0
                ),
            ]
        );

        var init = ledger.Task("InvalidOperationException in DbTests.Init");
        Assert.AreEqual(Priority.Critical, init.Priority);
        Assert.AreEqual(3, init.Tests.Count);
        StringAssert.Contains(init.Reason, "Class Initialization method");
        StringAssert.Contains(ledger.Task("Exception in Web.Home").Reason, "has the category \"Smoke\"");
        StringAssert.Contains(ledger.Task("Exception in Web.Login").Reason, "has priority 0");
    }

    [TestMethod]
    public void AnAbortedRunIsCriticalUntilARunOfItsProjectCompletes()
    {
        var ledger = new LedgerHarness();

        ledger.Run(
            "S1",
            [],
            completion: new RunCompletion
            {
                Aborted = true,
                AbortReason = "Test host process crashed : Process terminated. boom",
            }
        );
        var aborted = ledger.Task("Test run of Shop.Tests aborted");
        Assert.AreEqual(Priority.Critical, aborted.Priority);
        StringAssert.Contains(aborted.Reason, "Test host process crashed");

        ledger.Run("S2", [], project: "Other.Tests");
        Assert.AreEqual(
            FixTaskStatus.Open,
            ledger.Task("Test run of Shop.Tests aborted").Status,
            "another project's run says nothing about this one"
        );

        ledger.Run("S3", []);
        Assert.AreEqual(FixTaskStatus.Resolved, ledger.Task("Test run of Shop.Tests aborted").Status);
    }

    [TestMethod]
    public void WorkDependingOnAFailingTestIsBlockedTransitivelyAndUnblockedWhenFixed()
    {
        var workstream = new Workstream(
            "WS-CHECKOUT",
            [
                new WorkstreamTask("T1", "Cart totals", [], [new TestSelector("test", "Shop.Tests.PriceTests.Sum")]),
                new WorkstreamTask("T2", "Checkout page", ["T1"], []),
                new WorkstreamTask("T3", "Receipts", ["T2"], [new TestSelector("class", "Shop.Tests.ReceiptTests")]),
                new WorkstreamTask("T4", "Search", [], [new TestSelector("category", "search")]),
            ]
        );
        var ledger = new LedgerHarness(new LedgerOptions { Workstream = workstream });

        ledger.Run("S1", [AssertEqual("Shop.Tests.PriceTests.Sum", 1, 2)]);
        var task = ledger.Task("Assertion failed");
        CollectionAssert.AreEqual(new[] { "T1", "T2", "T3" }, task.Blocks.ToArray());
        var blocked = ledger
            .LastEvents.Where(e => e.Kind == EventKinds.TaskBlocked)
            .ToDictionary(
                e => e.Payload["task_id"]!.GetValue<string>(),
                e => e.Payload["blocked_by"]!.AsArray().Select(v => v!.GetValue<string>()).ToList()
            );
        CollectionAssert.AreEquivalent(new[] { "T1", "T2", "T3" }, blocked.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { task.Id }, blocked["T1"]);
        CollectionAssert.AreEqual(new[] { "T1" }, blocked["T2"]);

        ledger.Run("S2", [], passed: ["Shop.Tests.PriceTests.Sum"]);
        Assert.AreEqual(0, ledger.Task("Assertion failed").Blocks.Count);
        CollectionAssert.AreEquivalent(
            new[] { "T1", "T2", "T3" },
            ledger
                .LastEvents.Where(e => e.Kind == EventKinds.TaskUnblocked)
                .Select(e => e.Payload["task_id"]!.GetValue<string>())
                .ToArray()
        );
    }

    [TestMethod]
    public void ReplayingTheEventsGivesEveryTasksStatusAndPriority()
    {
        // Random histories: eight tests, some of them blocking, failing and passing over runs of a few sessions.
        var random = new Random(17);
        string[] tests = [.. Enumerable.Range(0, 8).Select(i => $"Shop.Tests.T.Case{i}")];
        for (var history = 0; history < 30; history++)
        {
            var ledger = new LedgerHarness();
            for (var run = 0; run < 12; run++)
            {
                var failing = tests.Where(_ => random.Next(3) == 0).ToList();
                var failures = failing
                    .Select(t =>
                        t.EndsWith('0')
                            ? Failed(
                                t,
                                "System.Exception: down",
                                "   at Shop.Web.Home() in /s.cs:line 1",
                                categories: ["smoke"]
                            )
                            : AssertEqual(t, 1, 2)
                    )
                    .ToList();
                ledger.Run($"S{run / 2}", failures, passed: tests.Except(failing));
            }

            var differences = FixTaskProjection.Differences(ledger.Tasks, FixTaskProjection.Replay(ledger.AllEvents));

            Assert.AreEqual(0, differences.Count, string.Join("\n", differences));
        }
    }
}

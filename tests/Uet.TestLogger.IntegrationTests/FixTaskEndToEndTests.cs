using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.Store.LiteDb;

namespace Uet.TestLogger.IntegrationTests;

/// <summary>
/// Fix tasks through the real `dotnet test --logger uet` on tests/samples/logger/FixTasks, over three runs: twelve
/// tests failing from one null reference, a class whose initialization fails, a priority-0 test, an assertion a
/// workstream task depends on (fixed in the second run), and a test that fails and passes by turns.
/// </summary>
[TestClass]
public sealed class FixTaskEndToEndTests
{
    [TestMethod]
    public void EachRootCauseIsOneTaskInPriorityOrderWithTheBlockedWorkAcrossRuns()
    {
        using var sample = new LoggerSample("FixTasks");
        var reports = Path.Combine(sample.Folder, "reports");
        var logger =
            $"uet;DbPath={sample.StorePath};Workstream={Path.Combine(sample.Folder, "workstream.json")};ReportDir={reports};TokenBudget=1500";
        var state = new Dictionary<string, string>
        {
            ["UET_SAMPLE_STATE"] = Path.Combine(sample.Folder, "flaky-state"),
        };

        // Run 1: everything fails.
        var (exitCode, output) = sample.Test("Shop.Tests/Shop.Tests.csproj", logger, state);

        Assert.AreEqual(1, exitCode, output);
        var first = JsonNode.Parse(File.ReadAllText(Path.Combine(reports, "fix-tasks.json")))!;
        var tasks = first["tasks"]!.AsArray().Select(t => t!).ToList();
        var titles = tasks.Select(t => t["title"]!.GetValue<string>()).ToList();
        Assert.AreEqual(5, tasks.Count, string.Join("\n", titles));
        CollectionAssert.AreEqual(
            new[] { 1, 1, 1, 2, 2 },
            tasks.Select(t => t["priority"]!.GetValue<int>()).ToArray(),
            string.Join("\n", titles)
        );
        var nulls = tasks.Single(t => t["exception_type"]!.GetValue<string>() == "System.NullReferenceException");
        Assert.AreEqual(12, nulls["tests"]!.AsArray().Count, "twelve tests, one task");
        StringAssert.Contains(nulls["reason"]!.GetValue<string>(), "fails 12 tests");
        StringAssert.Contains(nulls["start_at"]!.GetValue<string>(), "Shop.cs:");
        var init = tasks.Single(t =>
            t["reason"]!.GetValue<string>().Contains("Class Initialization method", StringComparison.Ordinal)
        );
        CollectionAssert.AreEquivalent(
            new[] { "Shop.Tests.DbTests.Reads", "Shop.Tests.DbTests.Writes" },
            init["tests"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray()
        );
        StringAssert.Contains(
            tasks.Single(t => t["tests"]![0]!.GetValue<string>() == "Shop.Tests.LoginTests.SignsIn")[
                "reason"
            ]!.GetValue<string>(),
            "has priority 0"
        );
        var sum = tasks.Single(t => t["tests"]![0]!.GetValue<string>() == "Shop.Tests.PriceTests.Sum");
        CollectionAssert.AreEqual(
            new[] { "T-CHECKOUT", "T-TOTALS" },
            sum["blocks"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray()
        );
        Assert.AreEqual(2, first["blocked_work"]!["tasks"]!.AsArray().Count);
        StringAssert.Contains(output, "Uet: fix tasks: 5 open (3 critical, 2 high); blocking first: ");
        var page = HeadlessChromium.DumpDom(Path.Combine(reports, "fix-tasks.html"));
        Assert.AreEqual(
            5,
            page.Split("<article class=\"task").Length - 1,
            "the page renders a card per task in a real browser"
        );
        StringAssert.Contains(page, "<title>Uet fix tasks</title>");
        StringAssert.Contains(page, "NullReferenceException in Cart.Total()");
        using (var store = LiteDbStore.Open(sample.StorePath))
        {
            var run = store.Runs().Single();
            var kinds = store.Events(run.RunId).Select(e => e.Kind).ToList();
            Assert.AreEqual(5, kinds.Count(k => k == EventKinds.FeedbackTaskCreated));
            Assert.AreEqual(2, kinds.Count(k => k == EventKinds.TaskBlocked));
        }

        // Run 2: the sum is fixed and the flaky test passes; their tasks are resolved, the work unblocked.
        var fixedState = new Dictionary<string, string>(state) { ["UET_SAMPLE_FIXED"] = "1" };
        var (_, second) = sample.Test("Shop.Tests/Shop.Tests.csproj", logger, fixedState);
        var afterFix = JsonNode.Parse(File.ReadAllText(Path.Combine(reports, "fix-tasks.json")))!;
        Assert.AreEqual(3, afterFix["summary"]!["open"]!.GetValue<int>(), second);
        Assert.AreEqual(2, afterFix["summary"]!["resolved"]!.GetValue<int>(), second);
        Assert.IsNull(
            afterFix["blocked_work"]!["tasks"]!.AsArray().FirstOrDefault(),
            "nothing is blocked once the sum passes"
        );
        var (_, unblocked) = UetCli.Run("events", "--db", sample.StorePath, "--kind", "task_unblocked");
        StringAssert.Contains(unblocked, "T-TOTALS");
        StringAssert.Contains(unblocked, "T-CHECKOUT");

        // Run 3: the flaky test fails again: its task comes back as flaky, medium.
        sample.Test("Shop.Tests/Shop.Tests.csproj", logger, fixedState);
        var (code, list) = UetCli.Run("tasks", "--db", sample.StorePath, "--json");
        Assert.AreEqual(0, code, list);
        var flaky = JsonNode
            .Parse(list)!
            .AsArray()
            .Single(t => t!["tests"]![0]!.GetValue<string>() == "Shop.Tests.LoginTests.RemembersTheUser")!;
        Assert.AreEqual(3, flaky["priority"]!.GetValue<int>());
        Assert.IsTrue(flaky["flaky"]!.GetValue<bool>());
        Assert.AreEqual("open", flaky["status"]!.GetValue<string>());
        var (replayCode, replay) = UetCli.Run("replay", "--db", sample.StorePath, "--run", "latest");
        Assert.AreEqual(0, replayCode, replay);
    }
}

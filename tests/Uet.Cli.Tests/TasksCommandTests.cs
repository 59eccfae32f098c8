using System.Text.Json.Nodes;
using Uet.FixTasks.Ledger;

namespace Uet.Cli.Tests;

/// <summary>`uet tasks` and `uet report` on stores whose runs the real recorder wrote with the fix-task ledger.</summary>
[TestClass]
public sealed class TasksCommandTests
{
    private static string StoreWithTasks(TempFolder folder)
    {
        var db = Path.Combine(folder.Path, "uet.db");
        Recordings.RecordMixedRun(db, "s1", ledger: new FixTaskLedger(new LedgerOptions { TokenBudget = 500 }));
        return db;
    }

    [TestMethod]
    public void TasksJsonHasTheDocumentedFields()
    {
        using var folder = new TempFolder();
        var db = StoreWithTasks(folder);

        var (code, output) = UetCli.Run("tasks", "--db", db, "--json");

        Assert.AreEqual(0, code, output);
        var tasks = JsonNode.Parse(output)!.AsArray();
        Assert.AreEqual(2, tasks.Count);
        foreach (var task in tasks)
        {
            StringAssert.StartsWith(task!["id"]!.GetValue<string>(), "FT-");
            Assert.AreEqual(
                1,
                task["priority"]!.GetValue<int>(),
                "the tests are marked smoke and priority 0: blocking"
            );
            StringAssert.StartsWith(task["reason"]!.GetValue<string>(), "critical: a blocking test failed");
            Assert.AreEqual("open", task["status"]!.GetValue<string>());
            Assert.IsTrue(task["signature"]!.GetValue<string>().Length > 0);
            Assert.AreEqual(0, task["blocks"]!.AsArray().Count);
        }
        CollectionAssert.AreEquivalent(
            new[] { "Sample.Tests.Math.Divides", "Sample.Tests.Io.Reads" },
            tasks.SelectMany(t => t!["tests"]!.AsArray().Select(n => n!.GetValue<string>())).ToArray()
        );
    }

    [TestMethod]
    public void TasksListsOneLinePerTaskAndFiltersByPriority()
    {
        using var folder = new TempFolder();
        var db = StoreWithTasks(folder);

        var (code, output) = UetCli.Run("tasks", "--db", db);
        var (_, high) = UetCli.Run("tasks", "--db", db, "--priority", "2");
        var (badCode, bad) = UetCli.Run("tasks", "--db", db, "--priority", "7");

        Assert.AreEqual(0, code, output);
        var lines = output.TrimEnd().Split('\n');
        Assert.AreEqual(2, lines.Length, output);
        Assert.IsTrue(
            lines.All(l =>
                l.StartsWith("FT-", StringComparison.Ordinal)
                && l.Contains("  critical  open", StringComparison.Ordinal)
            ),
            output
        );
        Assert.AreEqual("No open fix tasks.", high.Trim());
        Assert.AreEqual(2, badCode);
        StringAssert.Contains(bad, "--priority must be 1 (critical), 2 (high) or 3 (medium).");
    }

    [TestMethod]
    public void TasksShowPrintsTheTaskWithItsContext()
    {
        using var folder = new TempFolder();
        var db = StoreWithTasks(folder);
        var id = JsonNode
            .Parse(UetCli.Run("tasks", "--db", db, "--json").Output)!
            .AsArray()
            .Single(t => t!["exception_type"]!.GetValue<string>() == "System.IO.FileNotFoundException")![
            "id"
        ]!.GetValue<string>();

        var (code, output) = UetCli.Run("tasks", "show", id, "--db", db);
        var (missingCode, missing) = UetCli.Run("tasks", "show", "FT-0000000000", "--db", db);

        Assert.AreEqual(0, code, output);
        StringAssert.StartsWith(output, $"{id}: FileNotFoundException in Io.Reads()");
        StringAssert.Contains(output, "start at   /src/Sample.Tests/Tests.cs:42");
        StringAssert.Contains(output, "Context (");
        StringAssert.Contains(output, "tokens of gpt-4o, budget 500):");
        StringAssert.Contains(output, "## Failure");
        Assert.AreEqual(2, missingCode);
        StringAssert.Contains(missing, "no fix task 'FT-0000000000'");
    }

    [TestMethod]
    public void ReportWritesTheThreeFilesAndReplayStillAgrees()
    {
        using var folder = new TempFolder();
        var db = StoreWithTasks(folder);
        var reports = Path.Combine(folder.Path, "reports");

        var (code, output) = UetCli.Run("report", "--db", db, "--out", reports);
        var (replayCode, replay) = UetCli.Run("replay", "--db", db);
        var (unknownCode, unknown) = UetCli.Run("report", "--db", db, "--out", reports, "--session", "nope");

        Assert.AreEqual(0, code, output);
        Assert.AreEqual(
            $"Fix tasks: 2 open (2 critical); reports in {reports} (fix-tasks.md, fix-tasks.json, fix-tasks.html).",
            output.Trim()
        );
        CollectionAssert.AreEquivalent(
            new[] { "fix-tasks.html", "fix-tasks.json", "fix-tasks.md" },
            Directory.GetFiles(reports).Select(Path.GetFileName).ToArray()
        );
        Assert.AreEqual(0, replayCode, replay);
        Assert.AreEqual(2, unknownCode);
        StringAssert.Contains(unknown, "no test session 'nope'");
    }
}

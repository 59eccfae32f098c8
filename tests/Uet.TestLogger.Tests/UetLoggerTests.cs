using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Core.Seams;
using Uet.Store.LiteDb;
using VsOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;

namespace Uet.TestLogger.Tests;

/// <summary>The logger driven by fake platform events, its console seen through a <see cref="StringWriter"/>.</summary>
[TestClass]
public sealed class UetLoggerTests
{
    private const string Source = "/src/A.Tests/bin/A.Tests.dll";

    [TestMethod]
    public void ARunIsRecordedAndTheEndOfTheRunSaysWhereWithWhatCountsAndWhichFixTasks()
    {
        using var folder = new TempFolder();
        var (logger, events, console) = Create(
            folder,
            new()
            {
                ["DbPath"] = Path.Combine(folder.Path, "uet.db"),
                ["TargetFramework"] = ".NETCoreApp,Version=v10.0",
                ["TestRunDirectory"] = folder.Path,
            }
        );

        events.Start(Source);
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.One", VsOutcome.Passed));
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.Two", VsOutcome.Failed));
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.Three", VsOutcome.Skipped));
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.Four", VsOutcome.NotFound));
        events.Complete(1, 1, 2);

        using var store = LiteDbStore.Open(Path.Combine(folder.Path, "uet.db"));
        var run = store.FindRun("latest")!;
        Assert.AreEqual(
            ("A.Tests", "net10.0", 1, 1, 2, RunStates.Failed),
            (run.Project, run.TargetFramework, run.Passed, run.Failed, run.Skipped, run.State)
        );
        var lines = console.ToString().Trim().Split(Environment.NewLine);
        Assert.AreEqual(
            $"Uet: A.Tests (net10.0): 1 passed, 1 failed, 2 skipped; recorded in {store.Location} as run {run.RunId} (uet events --run {run.RunId})",
            lines[0]
        );
        var reports = Path.Combine(folder.Path, "uet");
        Assert.AreEqual(
            $"Uet: fix tasks: 1 open (1 high); report: {Path.Combine(reports, "fix-tasks.html")}",
            lines[1]
        );
        Assert.AreEqual(2, lines.Length, console.ToString());
        CollectionAssert.AreEquivalent(
            new[] { "fix-tasks.html", "fix-tasks.json", "fix-tasks.md" },
            Directory.GetFiles(reports).Select(Path.GetFileName).ToArray()
        );
        GC.KeepAlive(logger);
    }

    [TestMethod]
    public void AnUnknownParameterGivesOneWarningThatListsTheValidKeysAndTheRunIsStillRecorded()
    {
        using var folder = new TempFolder();
        var (_, events, console) = Create(
            folder,
            new()
            {
                ["DbPath"] = Path.Combine(folder.Path, "uet.db"),
                ["DBpth"] = "x",
                ["Verbose"] = "true",
                ["TestRunDirectory"] = folder.Path,
            }
        );

        events.Start(Source);
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.One", VsOutcome.Passed));
        events.Complete(1, 0, 0);

        var lines = console.ToString().Trim().Split('\n');
        Assert.AreEqual(3, lines.Length, console.ToString());
        Assert.AreEqual(
            "Uet: unknown logger parameters DBpth, Verbose (ignored). Valid: DbPath, SessionId, MaxOutputChars, ReportDir, Workstream, Model, TokenBudget, Rules.",
            lines[0].Trim()
        );
        StringAssert.StartsWith(lines[1], "Uet: A.Tests");
        StringAssert.StartsWith(lines[2], "Uet: fix tasks: none open");
    }

    [TestMethod]
    public void ABadOutputLimitIsReportedAndTheDefaultUsed()
    {
        using var folder = new TempFolder();
        var (_, events, console) = Create(
            folder,
            new() { ["DbPath"] = Path.Combine(folder.Path, "uet.db"), ["maxoutputchars"] = "lots" }
        );

        events.Start(Source);
        events.Complete(0, 0, 0);

        StringAssert.Contains(
            console.ToString(),
            "MaxOutputChars=lots is not a whole number of at least 256; using 16384."
        );
    }

    [TestMethod]
    public void OutputIsCappedCategoriesAndTraitsAreKept()
    {
        using var folder = new TempFolder();
        var (_, events, _) = Create(
            folder,
            new() { ["DbPath"] = Path.Combine(folder.Path, "uet.db"), ["MaxOutputChars"] = "1000" }
        );
        var result = FakeLoggerEvents.MakeResult("A.Tests.Noisy", VsOutcome.Failed);
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, new string('o', 50_000)));
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardErrorCategory, "err"));
        result.ErrorMessage = "Assert.Fail failed.";
        result.TestCase.Traits.Add("Priority", "1");
        result.TestCase.Traits.Add("Category", "from-trait");
        var categories = TestProperty.Register(
            "MSTestDiscoverer.TestCategory",
            "TestCategory",
            typeof(string[]),
            TestPropertyAttributes.Hidden,
            typeof(TestCase)
        );
        result.TestCase.SetPropertyValue(categories, new[] { "smoke", "payments" });

        events.Start(Source);
        events.Result(result);
        events.Complete(0, 1, 0);

        using var store = LiteDbStore.Open(Path.Combine(folder.Path, "uet.db"));
        var failed = store.Events(store.FindRun("latest")!.RunId).Single(e => e.Kind == EventKinds.TestFailed).Payload;
        var stdout = failed["stdout"]!.GetValue<string>();
        Assert.IsTrue(stdout.Length is > 1000 and < 1100, $"capped to about 1000 characters, was {stdout.Length}");
        StringAssert.Contains(stdout, "characters omitted by Uet");
        Assert.AreEqual("err", failed["stderr"]!.GetValue<string>());
        CollectionAssert.AreEquivalent(
            new[] { "smoke", "payments", "from-trait" },
            failed["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList()
        );
        Assert.AreEqual(2, failed["traits"]!.AsArray().Count);
        Assert.AreEqual(12, failed["line"]!.GetValue<int>());
    }

    [TestMethod]
    public void AnAbortedRunIsRecordedAsAbortedWithThePlatformsReason()
    {
        using var folder = new TempFolder();
        var (_, events, console) = Create(folder, new() { ["DbPath"] = Path.Combine(folder.Path, "uet.db") });

        events.Start(Source);
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.One", VsOutcome.Passed));
        events.Complete(
            1,
            0,
            0,
            aborted: true,
            error: new InvalidOperationException("Test host process crashed : Process terminated.")
        );

        using var store = LiteDbStore.Open(Path.Combine(folder.Path, "uet.db"));
        var run = store.FindRun("latest")!;
        Assert.AreEqual(
            (RunStates.Failed, true, "Test host process crashed : Process terminated."),
            (run.State, run.Aborted, run.StateReason)
        );
        StringAssert.Contains(console.ToString(), "1 passed, 0 failed, 0 skipped, ABORTED;");
    }

    [TestMethod]
    public void TheEnvironmentVariableChoosesTheStoreUnlessTheParameterDoes()
    {
        using var folder = new TempFolder();
        var fromEnvironment = Path.Combine(folder.Path, "env.db");
        var environment = new EnvironmentReader(
            name => name == "UET_DB_PATH" ? fromEnvironment : null,
            () => ["vstest.console.dll", "--testSessionCorrelationId:123_abc"]
        );

        var (_, events, _) = Create(folder, [], environment);
        events.Start(Source);
        events.Complete(0, 0, 0);
        var (_, other, _) = Create(folder, new() { ["DbPath"] = Path.Combine(folder.Path, "param.db") }, environment);
        other.Start(Source);
        other.Complete(0, 0, 0);

        using var store = LiteDbStore.Open(fromEnvironment);
        Assert.AreEqual(
            "123_abc",
            store.FindRun("latest")!.SessionId,
            "the session comes from vstest.console's correlation id"
        );
        Assert.IsTrue(File.Exists(Path.Combine(folder.Path, "param.db")));
    }

    [TestMethod]
    public void AnUnusableStoreGivesOneWarningAndTheEventsGoNextToTheTestResults()
    {
        using var folder = new TempFolder();
        var corrupt = folder.Write("uet.db", [.. Enumerable.Range(0, 32 * 1024).Select(i => (byte)(i * 13))]);
        var results = Path.Combine(folder.Path, "TestResults");
        var (_, events, console) = Create(folder, new() { ["DbPath"] = corrupt, ["TestRunDirectory"] = results });

        events.Start(Source);
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.Two", VsOutcome.Failed));
        events.Complete(0, 1, 0);

        var lines = console.ToString().Trim().Split('\n');
        Assert.AreEqual(3, lines.Length, console.ToString());
        StringAssert.Contains(lines[0], "damaged");
        StringAssert.Contains(lines[1], $"NOT in the store; events saved to {results}");
        Assert.AreEqual("Uet: no fix tasks or reports for this run: it is not in the store.", lines[2].Trim());
        var jsonl = Directory.GetFiles(results, "uet-events-*.jsonl").Single();
        Assert.AreEqual(3, File.ReadAllLines(jsonl).Length, "run_started, test_failed, run_completed");
    }

    [TestMethod]
    public void AFailureInsideTheLoggerIsReportedOnceAndNeverThrownIntoTheRun()
    {
        using var folder = new TempFolder();
        var (_, events, console) = Create(folder, new() { ["DbPath"] = Path.Combine(folder.Path, "uet.db") });
        var broken = FakeLoggerEvents.MakeResult("A.Tests.Broken", VsOutcome.Failed);
        broken.Messages.Add(null!); // What a misbehaving adapter could send.

        events.Start(Source);
        events.Result(broken);
        events.Result(broken);
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.Fine", VsOutcome.Passed));
        events.Complete(1, 2, 0);

        var text = console.ToString();
        Assert.AreEqual(1, text.Split("the logger failed").Length - 1, text);
        StringAssert.Contains(text, "Uet: A.Tests: 1 passed, 0 failed, 0 skipped; recorded in");
    }

    [TestMethod]
    public void UnusableFixTaskParametersGiveOneWarningEachAndTheRunStillHasItsTasks()
    {
        using var folder = new TempFolder();
        var rules = folder.Write("rules.json", """{ "many_failures": "ten" }""");
        var (_, events, console) = Create(
            folder,
            new()
            {
                ["DbPath"] = Path.Combine(folder.Path, "uet.db"),
                ["TokenBudget"] = "lots",
                ["Workstream"] = Path.Combine(folder.Path, "missing.json"),
                ["Rules"] = rules,
                ["ReportDir"] = Path.Combine(folder.Path, "reports"),
            }
        );

        events.Start(Source);
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.Two", VsOutcome.Failed));
        events.Complete(0, 1, 0);

        var text = console.ToString();
        StringAssert.Contains(
            text,
            "Uet: logger parameter TokenBudget=lots is not a whole number of at least 100; using 4000."
        );
        StringAssert.Contains(text, $"Uet: {rules}: the fix-task rules do not match fix_task_rules.v1.json");
        StringAssert.Contains(text, "The default fix-task rules are used.");
        StringAssert.Contains(
            text,
            "Uet: the workstream cannot be read: "
                + Path.Combine(folder.Path, "missing.json")
                + "(1,1): error UET1004: cannot read the file"
        );
        StringAssert.Contains(text, "Uet: fix tasks: 1 open (1 high)");
        Assert.IsTrue(File.Exists(Path.Combine(folder.Path, "reports", "fix-tasks.json")));
    }

    [TestMethod]
    public void OnGitHubTheStepSummaryGetsTheTasksOfTheRun()
    {
        using var folder = new TempFolder();
        var summary = folder.Write("step-summary.md", "# Build\n");
        var environment = new EnvironmentReader(name => name == "GITHUB_STEP_SUMMARY" ? summary : null, () => []);
        var (_, events, _) = Create(folder, new() { ["DbPath"] = Path.Combine(folder.Path, "uet.db") }, environment);

        events.Start(Source);
        events.Result(FakeLoggerEvents.MakeResult("A.Tests.Two", VsOutcome.Failed));
        events.Complete(0, 1, 0);

        var text = File.ReadAllText(summary);
        StringAssert.StartsWith(text, "# Build\n# Fix tasks: 1 open (1 high)");
        StringAssert.Contains(text, "`A.Tests.Two`");
    }

    private static (UetLogger Logger, FakeLoggerEvents Events, StringWriter Console) Create(
        TempFolder folder,
        Dictionary<string, string?> parameters,
        EnvironmentReader? environment = null
    )
    {
        var console = new StringWriter();
        var logger = new UetLogger(
            console,
            environment ?? new EnvironmentReader(_ => null, () => []),
            TimeProvider.System
        );
        var events = new FakeLoggerEvents();
        parameters.TryAdd("TestRunDirectory", Path.Combine(folder.Path, "TestResults"));
        logger.Initialize(events, parameters);
        return (logger, events, console);
    }
}

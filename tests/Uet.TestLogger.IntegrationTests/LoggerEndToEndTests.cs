using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Store.LiteDb;
using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.TestLogger.IntegrationTests;

/// <summary>The packed Uet.TestLogger under the real `dotnet test --logger uet`, then the `uet` command on its store.</summary>
[TestClass]
public sealed class LoggerEndToEndTests
{
    [TestMethod]
    public void OneProjectIsRecordedWithEveryResultAndReplaysToTheSameState()
    {
        using var sample = new LoggerSample("Mixed.Tests");

        var (exitCode, output) = sample.Test("Mixed.Tests.csproj");

        Assert.AreEqual(1, exitCode, output); // Tests failed; the logger changes nothing about that.
        using (var store = LiteDbStore.Open(sample.StorePath))
        {
            var run = store.Runs().Single();
            StringAssert.Contains(
                output,
                $"Uet: Mixed.Tests (net10.0): 3 passed, 2 failed, 1 skipped; recorded in {sample.StorePath} as run {run.RunId}"
            );
            Assert.AreEqual(
                (3, 2, 1, RunStates.Failed, false),
                (run.Passed, run.Failed, run.Skipped, run.State, run.Aborted)
            );

            var events = store.Events(run.RunId);
            Assert.AreEqual(0, store.Hosts(run.RunId).Count, "the health collector is off unless asked for");
            var failures = events
                .Where(e => e.Kind == EventKinds.TestFailed)
                .ToDictionary(e => e.Payload["test"]!.GetValue<string>(), e => e.Payload);
            var totals = failures["Mixed.Tests.MixedTests.ComparesTotals"];
            StringAssert.Contains(totals["error_message"]!.GetValue<string>(), "the totals differ");
            StringAssert.Contains(totals["stdout"]!.GetValue<string>(), "computing totals");
            Assert.AreEqual("smoke", totals["categories"]![0]!.GetValue<string>());
            Assert.AreEqual(
                Path.Combine(sample.Folder, "bin", "Debug", "net10.0", "Mixed.Tests.dll"),
                totals["source"]!.GetValue<string>()
            );
            var parse = failures["Mixed.Tests.MixedTests.ParsesOrders"];
            StringAssert.Contains(parse["error_message"]!.GetValue<string>(), "FormatException");
            StringAssert.Contains(parse["error_stack_trace"]!.GetValue<string>(), "OrderParser.Last");
            var settings = events[0].Payload["settings"]!;
            StringAssert.Contains(settings["run_settings"]!.GetValue<string>(), "<RunSettings>");
            Assert.AreEqual(sample.StorePath, settings["store"]!.GetValue<string>());
            var skipped = events.Single(e => e.Kind == EventKinds.TestsSkipped).Payload["results"]![0]!.AsObject();
            Assert.AreEqual("Mixed.Tests.MixedTests.Later", skipped["test"]!.GetValue<string>());
            Assert.IsFalse(skipped.ContainsKey("source"), "a batched result leaves out the run's only source");
            Assert.IsTrue(
                totals.ContainsKey("started_at") && !skipped.ContainsKey("started_at"),
                "times are kept for failures only"
            );
            AssertEveryEventIsAValidRunEvent(events);
        }

        var (replayCode, replay) = UetCli.Run("replay", "--db", sample.StorePath, "--run", "latest");
        Assert.AreEqual(0, replayCode, replay);
        StringAssert.Contains(replay, "equals the stored state (failed, 3 passed, 2 failed, 1 skipped)");

        // History accumulates: a second run lands in the same store.
        Assert.AreEqual(1, sample.Test("Mixed.Tests.csproj").ExitCode);
        var runs = JsonNode.Parse(UetCli.Run("runs", "--db", sample.StorePath, "--json").Output)!.AsArray();
        Assert.AreEqual(2, runs.Count);
        foreach (var field in new[] { "run_id", "session_id", "state", "aborted", "passed", "failed", "skipped" })
        {
            Assert.IsNotNull(runs[1]![field], $"uet runs --json has '{field}'");
        }
        Assert.AreNotEqual(
            runs[0]!["session_id"]!.GetValue<string>(),
            runs[1]!["session_id"]!.GetValue<string>(),
            "two dotnet test commands, two sessions"
        );
    }

    [TestMethod]
    public void TheThreeProjectsOfOneDotnetTestFormOneSessionInTheRepositoryStore()
    {
        using var sample = new LoggerSample("Session");

        var (exitCode, output) = sample.Test("Session.slnx", logger: "uet");

        Assert.AreEqual(1, exitCode, output);
        // No DbPath: the store is found by walking up from the test assemblies to the solution folder.
        var storePath = Path.Combine(sample.Folder, ".uet", "uet.db");
        using var store = LiteDbStore.Open(storePath);
        var runs = store.Runs();
        CollectionAssert.AreEquivalent(
            new[] { "Alpha.Tests", "Beta.Tests", "Gamma.Tests" },
            runs.Select(r => r.Project).ToList()
        );
        Assert.AreEqual(1, runs.Select(r => r.SessionId).Distinct().Count(), "one session");
        Assert.IsFalse(
            runs.Any(r => r.SessionId == r.RunId),
            "the session is dotnet test's correlation id, not a run's own id"
        );
        Assert.AreEqual(1, runs.Single(r => r.Project == "Gamma.Tests").Failed);
        Assert.AreEqual(0, store.CheckIntegrity().Count);

        var (_, text) = UetCli.Run("runs", "--db", storePath, "--session", runs[0].SessionId);
        StringAssert.Contains(text, $"session {runs[0].SessionId}: 3 run(s), 6 passed, 1 failed, 0 skipped");
    }

    [TestMethod]
    public void AMultiTargetedProjectGivesOneRunPerTargetFramework()
    {
        using var sample = new LoggerSample("Multi.Tests");

        var (exitCode, output) = sample.Test("Multi.Tests.csproj");

        Assert.AreEqual(1, exitCode, output);
        using var store = LiteDbStore.Open(sample.StorePath);
        var runs = store.Runs().ToDictionary(r => r.TargetFramework!);
        CollectionAssert.AreEquivalent(new[] { "net10.0", "net9.0" }, runs.Keys.ToList(), output);
        Assert.AreEqual((1, 1), (runs["net10.0"].Passed, runs["net10.0"].Failed));
        Assert.AreEqual(
            (1, 0, RunStates.Succeeded),
            (runs["net9.0"].Passed, runs["net9.0"].Failed, runs["net9.0"].State)
        );
        Assert.AreEqual(1, runs.Values.Select(r => r.SessionId).Distinct().Count());
    }

    [TestMethod]
    public void ATestThatKillsItsHostLeavesAnAbortedRunThatKeepsItsEvents()
    {
        using var sample = new LoggerSample("Crash.Tests");

        // UetHealth=true (here from the environment, which MSBuild reads as a property) turns the health collector on.
        var (exitCode, output) = sample.Test(
            "Crash.Tests.csproj",
            environment: new Dictionary<string, string> { ["UetHealth"] = "true" }
        );

        Assert.AreNotEqual(0, exitCode, output);
        using var store = LiteDbStore.Open(sample.StorePath);
        var run = store.Runs().Single();
        Assert.AreEqual((RunStates.Failed, true), (run.State, run.Aborted), output);
        StringAssert.Contains(run.StateReason, "crash");
        Assert.AreEqual((1, 1), (run.Passed, run.Failed), "the results reported before the crash are kept");
        var events = store.Events(run.RunId);
        Assert.AreEqual(
            "Crash.Tests.CrashTests.B_Fails",
            events.Single(e => e.Kind == EventKinds.TestFailed).Payload["test"]!.GetValue<string>()
        );
        Assert.AreEqual(EventKinds.RunCompleted, events[^1].Kind);
        Assert.IsTrue(events[^1].Payload["aborted"]!.GetValue<bool>());
        StringAssert.Contains(output, "ABORTED");
        // The UetHealth collector saw the host go with a test running.
        var crash = events.Single(e => e.Kind == EventKinds.WorkerCrashed).Payload;
        Assert.AreEqual("Crash.Tests.CrashTests.C_KillsTheHost", crash["test"]!.GetValue<string>());
        var task = JsonNode
            .Parse(UetCli.Run("tasks", "--db", sample.StorePath, "--json").Output)!
            .AsArray()
            .Single(t => t!["title"]!.GetValue<string>().StartsWith("Test host crashed", StringComparison.Ordinal))!;
        Assert.AreEqual(1, task["priority"]!.GetValue<int>());
        Assert.AreEqual("Crash.Tests.CrashTests.C_KillsTheHost", task["tests"]![0]!.GetValue<string>());
        Assert.AreEqual(0, UetCli.Run("replay", "--db", sample.StorePath).ExitCode);
    }

    [TestMethod]
    public void OfThreeProjectsRunInParallelOnlyTheHangingHostIsQuarantined()
    {
        using var sample = new LoggerSample("HealthSession");

        var (exitCode, output) = sample.Test(
            "HealthSession.slnx",
            arguments: ["-p:UetHealth=true", "-p:UetHealthInterval=1", "-p:UetHealthGrace=1"]
        );

        Assert.AreNotEqual(0, exitCode, output);
        using var store = LiteDbStore.Open(sample.StorePath);
        var runs = store.Runs().ToDictionary(r => r.Project);
        CollectionAssert.AreEquivalent(
            new[] { "Quick.Tests", "Slow.Tests", "Stuck.Tests" },
            runs.Keys.ToArray(),
            output
        );
        string[] HealthKinds(string project) =>
            [
                .. store
                    .Events(runs[project].RunId)
                    .Select(e => e.Kind)
                    .Where(k => k.StartsWith("worker_", StringComparison.Ordinal)),
            ];
        CollectionAssert.AreEqual(
            new[]
            {
                EventKinds.WorkerHealthCheckFailed,
                EventKinds.WorkerHealthCheckFailed,
                EventKinds.WorkerQuarantined,
            },
            HealthKinds("Stuck.Tests")
        );
        Assert.AreEqual(0, HealthKinds("Slow.Tests").Length, "slow but progressing: never degraded");
        Assert.AreEqual(0, HealthKinds("Quick.Tests").Length);
        Assert.AreEqual(8, runs["Slow.Tests"].Passed, "the other hosts finish their tests");
        Assert.AreEqual("healthy", store.Hosts(runs["Slow.Tests"].RunId).Single().Outcome);
        Assert.AreEqual("quarantined", store.Hosts(runs["Stuck.Tests"].RunId).Single().Outcome);
    }

    [TestMethod]
    public void TheHealthCollectorRunsBesideCodeCoverage()
    {
        using var sample = new LoggerSample("Mixed.Tests");

        var (exitCode, output) = sample.Test(
            "Mixed.Tests.csproj",
            arguments: ["--collect", "XPlat Code Coverage", "-p:UetHealth=true"]
        );

        Assert.AreEqual(1, exitCode, output);
        Assert.AreEqual(
            1,
            Directory
                .GetFiles(
                    Path.Combine(sample.Folder, "TestResults"),
                    "coverage.cobertura.xml",
                    SearchOption.AllDirectories
                )
                .Length,
            output
        );
        using var store = LiteDbStore.Open(sample.StorePath);
        var run = store.Runs().Single();
        var host = store.Hosts(run.RunId).Single();
        Assert.AreEqual("healthy", host.Outcome);
        StringAssert.EndsWith(host.Sources.Single(), "Mixed.Tests.dll");
    }

    [TestMethod]
    public void AHostWhoseTestHangsIsQuarantinedEndedAndNamedAndTheSessionFinishes()
    {
        using var sample = new LoggerSample("Health.Tests");

        // One switch beyond the logger turns the collector on; checks every second (the default is 30 s).
        var (exitCode, output) = sample.Test(
            "Health.Tests.csproj",
            arguments: ["-p:UetHealth=true", "-p:UetHealthInterval=1", "-p:UetHealthGrace=1"]
        );

        Assert.AreNotEqual(0, exitCode, output);
        using var store = LiteDbStore.Open(sample.StorePath);
        var run = store.Runs().Single();
        var events = store.Events(run.RunId);
        var failedChecks = events
            .Where(e => e.Kind == EventKinds.WorkerHealthCheckFailed)
            .Select(e => e.Payload)
            .ToList();
        Assert.AreEqual(2, failedChecks.Count, output);
        Assert.IsTrue(failedChecks.All(c => c["test"]!.GetValue<string>() == "Health.Tests.HealthTests.B_Hangs"));
        var quarantine = events.Single(e => e.Kind == EventKinds.WorkerQuarantined).Payload;
        Assert.AreEqual("Health.Tests.HealthTests.B_Hangs", quarantine["test"]!.GetValue<string>());
        Assert.IsTrue(quarantine["killed"]!.GetValue<bool>());
        Assert.AreEqual(3, quarantine["failures"]!.GetValue<int>());
        Assert.AreEqual(1, run.Passed, "the test before the hang is recorded");
        StringAssert.Contains(output, "Uet: fix tasks: 1 open (1 critical); blocking first: ");
        StringAssert.Contains(output, "Test host hung in HealthTests.B_Hangs");
        Assert.AreEqual("quarantined", store.Hosts(run.RunId).Single().Outcome);
        AssertEveryEventIsAValidRunEvent(events);
        Assert.AreEqual(0, UetCli.Run("replay", "--db", sample.StorePath).ExitCode);
    }

    private static void AssertEveryEventIsAValidRunEvent(IReadOnlyList<RunEvent> events)
    {
        using var folder = new TempFolder();
        var validator = new DocumentValidator(SchemaSetLoader.Load([]));
        foreach (var runEvent in events)
        {
            var file = folder.Write($"{runEvent.EventId}.json", runEvent.ToJson().ToJsonString());
            var report = validator.Validate(file, "run_event");
            Assert.IsFalse(report.HasErrors, string.Join("\n", report.Findings));
        }
    }
}

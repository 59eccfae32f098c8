using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Store.LiteDb;

namespace Uet.TestLogger.IntegrationTests;

/// <summary>
/// <c>--report-uet</c> on Microsoft.Testing.Platform test applications (tests/samples/platform), with the packed
/// Uet.TestLogger, under the real <c>dotnet test</c> in the platform's mode and under <c>dotnet run</c>: MSTest's
/// runner, xunit.v3, NUnit's runner and TUnit, and test hosts that hang, crash or are merely slow.
/// </summary>
[TestClass]
public sealed class PlatformEndToEndTests
{
    private static readonly string[] Frameworks = ["MSTest", "Xunit", "NUnit", "TUnit"];

    [TestMethod]
    public void FourFrameworksOfOneDotnetTestAreOneSessionAndAProjectWithoutThePackageRunsAsUsual()
    {
        using var sample = new LoggerSample("platform", "Frameworks");
        // UET_REPORT=1 instead of --report-uet: Plain.Tests has no Uet and would exit 5 on an option it does not know.
        var (exitCode, output) = sample.Dotnet(
            new Dictionary<string, string> { ["UET_REPORT"] = "1", ["UET_DB_PATH"] = sample.StorePath },
            "test",
            "--solution",
            "Frameworks.slnx"
        );

        Assert.AreEqual(2, exitCode, output); // The platform's "some tests failed".
        StringAssert.Contains(output, "Plain.Tests.dll (net10.0|x64) passed", output);
        StringAssert.Contains(output, Path.Combine("uet", "fix-tasks.html"), "the reports are listed as artifacts");
        using var store = LiteDbStore.Open(sample.StorePath);
        var runs = store.Runs();
        CollectionAssert.AreEquivalent(
            Frameworks.Select(f => f + ".Orders").ToArray(),
            runs.Select(r => r.Project).ToArray(),
            output
        );
        Assert.AreEqual(1, runs.Select(r => r.SessionId).Distinct().Count(), "one dotnet test, one session");
        StringAssert.StartsWith(runs[0].SessionId, "dotnet-test-");
        foreach (var run in runs)
        {
            var framework = run.Project.Split('.')[0];
            Assert.AreEqual(
                (3, 6, 1, "net10.0"),
                (run.Passed, run.Failed, run.Skipped, run.TargetFramework),
                run.Project
            );
            var events = store.Events(run.RunId);
            var failed = events.Where(e => e.Kind == EventKinds.TestFailed).Select(e => e.Payload).ToList();
            // The data-driven test's failing row is named as VSTest names it: by its method.
            var discount = failed.Single(p => Text(p, "test") == $"Orders.{framework}.OrderTests.Discounts");
            StringAssert.Contains(Text(discount, "error_message"), "a discount is 0 to 100 percent");
            StringAssert.Contains(Text(discount, "display_name"), "150");
            foreach (var setUp in new[] { "Saves", "Loads" })
            {
                var payload = failed.Single(p => Text(p, "test") == $"Orders.{framework}.StoreTests.{setUp}");
                StringAssert.Contains(Text(payload, "error_message"), "the order database is not reachable");
            }
            var passed = events
                .Where(e => e.Kind == EventKinds.TestsPassed)
                .SelectMany(e => e.Payload["results"]!.AsArray())
                .Select(r => r!.AsObject())
                .ToList();
            var stock = passed.Single(p => Text(p, "test") == $"Orders.{framework}.OrderTests.ChecksTheStock");
            StringAssert.Contains(Text(stock, "stdout"), "checking the stock of 3 items", run.Project);
        }
        var tasks = JsonNode.Parse(
            File.ReadAllText(Path.Combine(sample.Folder, "TestResults", "uet", "fix-tasks.json"))
        )!["tasks"]!.AsArray();
        foreach (var framework in Frameworks)
        {
            // The two tests that fail from one null reference are one task, in every framework.
            Assert.IsTrue(
                tasks.Any(t =>
                    Tests(t!).Contains($"Orders.{framework}.OrderTests.LabelsAGuest")
                    && Tests(t!).Contains($"Orders.{framework}.OrderTests.LabelsAGift")
                ),
                framework
            );
        }
        Assert.AreEqual(0, UetCli.Run("replay", "--db", sample.StorePath).ExitCode);
    }

    [TestMethod]
    public void DotnetRunShowsTheRunsLineWithOrWithoutItsHostWatchedAndABadValueIsOneWarning()
    {
        using var sample = new LoggerSample("platform", "Frameworks");
        string[] run = ["run", "--project", "MSTest.Orders/MSTest.Orders.csproj", "--", "--report-uet"];
        string[] options = ["--report-uet-db", sample.StorePath, "--report-uet-token-budget", "lots"];

        var (watched, output) = sample.Dotnet(null, [.. run, .. options]);
        var (unwatched, direct) = sample.Dotnet(null, [.. run, .. options, "--report-uet-health", "off"]);

        Assert.AreEqual((2, 2), (watched, unwatched), output + direct);
        foreach (var text in new[] { output, direct })
        {
            StringAssert.Contains(
                text,
                "Uet: option --report-uet-token-budget lots is not a whole number of at least 100; using 4000."
            );
            StringAssert.Contains(text, "Uet: MSTest.Orders (net10.0): 3 passed, 6 failed, 1 skipped; recorded in");
            StringAssert.Contains(text, "Uet: fix tasks: ");
        }
        using var store = LiteDbStore.Open(sample.StorePath);
        Assert.AreEqual(2, store.Runs().Count);
        Assert.AreEqual(2, store.Runs().Select(r => r.SessionId).Distinct().Count(), "run by itself: its own session");
    }

    [TestMethod]
    public void ItRunsBesideTheTrxReportAndCodeCoverage()
    {
        using var sample = new LoggerSample("platform", "Frameworks");
        var results = Path.Combine(sample.Folder, "results");

        var (exitCode, output) = sample.Dotnet(
            null,
            "run",
            "--project",
            "MSTest.Orders/MSTest.Orders.csproj",
            "--",
            "--report-uet",
            "--report-uet-db",
            sample.StorePath,
            "--report-trx",
            "--coverage",
            "--results-directory",
            results
        );

        Assert.AreEqual(2, exitCode, output);
        StringAssert.Contains(output, "Uet: MSTest.Orders (net10.0): 3 passed, 6 failed, 1 skipped; recorded in");
        Assert.AreEqual(1, Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories).Length, output);
        Assert.AreEqual(1, Directory.GetFiles(results, "*.coverage").Length, output);
        Assert.IsTrue(
            File.Exists(Path.Combine(results, "uet", "fix-tasks.html")),
            "the reports go to the results folder"
        );
    }

    [TestMethod]
    public void TheSameTestsGiveTheSameFixTasksUnderVSTestAndThePlatform()
    {
        using var sample = new LoggerSample("FixTasks");
        var state = new Dictionary<string, string> { ["UET_SAMPLE_STATE"] = Path.Combine(sample.Folder, "state") };
        var workstream = Path.Combine(sample.Folder, "workstream.json");
        var vstestReports = Path.Combine(sample.Folder, "vstest-reports");
        var (vstestExit, vstestOutput) = sample.Test(
            "Shop.Tests/Shop.Tests.csproj",
            $"uet;DbPath={Path.Combine(sample.Folder, "vstest", "uet.db")};Workstream={workstream};ReportDir={vstestReports}",
            state
        );
        Assert.AreEqual(1, vstestExit, vstestOutput);

        // The same project, turned into an MSTest runner application, in a folder whose global.json picks the platform.
        sample.Add("logger", "FixTasks/Shop.Tests", "platform/Shop.Tests");
        File.Copy(
            Path.Combine(PackageFeed.RepositoryRoot, "tests", "samples", "platform", "Health", "global.json"),
            Path.Combine(sample.Folder, "platform", "global.json")
        );
        var project = Path.Combine(sample.Folder, "platform", "Shop.Tests", "Shop.Tests.csproj");
        File.WriteAllText(
            project,
            File.ReadAllText(project)
                .Replace(
                    "<IsTestProject>true</IsTestProject>",
                    "<OutputType>Exe</OutputType><EnableMSTestRunner>true</EnableMSTestRunner>",
                    StringComparison.Ordinal
                )
                .Replace(
                    """<PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />""",
                    "",
                    StringComparison.Ordinal
                )
        );
        var platformReports = Path.Combine(sample.Folder, "platform-reports");
        var (platformExit, platformOutput) = ProcessRunner.Run(
            "dotnet",
            [
                "test",
                "--project",
                "Shop.Tests/Shop.Tests.csproj",
                "--report-uet",
                "--report-uet-db",
                Path.Combine(sample.Folder, "platform-store", "uet.db"),
                "--report-uet-workstream",
                workstream,
                "--report-uet-dir",
                platformReports,
            ],
            Path.Combine(sample.Folder, "platform"),
            PackageFeed
                .Environment.Concat(
                    new Dictionary<string, string> { ["UET_SAMPLE_STATE"] = Path.Combine(sample.Folder, "state2") }
                )
                .ToDictionary(),
            TimeSpan.FromMinutes(5)
        );
        Assert.AreEqual(2, platformExit, platformOutput);

        string[] Summary(string reports) =>
            [
                .. JsonNode.Parse(File.ReadAllText(Path.Combine(reports, "fix-tasks.json")))!["tasks"]!
                    .AsArray()
                    .Select(t =>
                        $"{t!["id"]} {t["priority"]} {t["title"]} [{string.Join(", ", Tests(t).Order(StringComparer.Ordinal))}] blocks {t["blocks"]!.ToJsonString()}"
                    )
                    .Order(StringComparer.Ordinal),
            ];
        CollectionAssert.AreEqual(Summary(vstestReports), Summary(platformReports), platformOutput);
    }

    [TestMethod]
    public void AHungHostIsQuarantinedAndEndedTheSessionCompletesAndTheTaskNamesTheTest()
    {
        var (sample, exitCode, output) = RunHealth("Hang");
        using (sample)
        {
            Assert.AreNotEqual(0, exitCode, output);
            using var store = LiteDbStore.Open(sample.StorePath);
            var run = store.Runs().Single();
            Assert.AreEqual((RunStates.Failed, true, 1), (run.State, run.Aborted, run.Passed), output);
            StringAssert.Contains(run.StateReason, "quarantined");
            var health = store.Events(run.RunId).Where(e => e.Kind.StartsWith("worker_", StringComparison.Ordinal));
            CollectionAssert.AreEqual(
                new[]
                {
                    EventKinds.WorkerHealthCheckFailed,
                    EventKinds.WorkerHealthCheckFailed,
                    EventKinds.WorkerQuarantined,
                },
                health.Select(e => e.Kind).ToArray(),
                output
            );
            var quarantined = health.Last().Payload;
            Assert.AreEqual("Health.Tests.Hang.B_SleepsForever", Text(quarantined, "test"));
            Assert.IsTrue(quarantined["killed"]!.GetValue<bool>());
            var task = CriticalHostTask(sample);
            Assert.AreEqual("Health.Tests.Hang.B_SleepsForever", task["tests"]![0]!.GetValue<string>());
        }
    }

    [TestMethod]
    public void AHostThatCrashesNamesItsTestAndKeepsEveryResultOfTheJournal()
    {
        var (sample, exitCode, output) = RunHealth("Crash");
        using (sample)
        {
            Assert.AreNotEqual(0, exitCode, output);
            using var store = LiteDbStore.Open(sample.StorePath);
            var run = store.Runs().Single();
            Assert.AreEqual((RunStates.Failed, true), (run.State, run.Aborted), output);
            Assert.AreEqual((1, 1), (run.Passed, run.Failed), "the results before the crash survive the host");
            var events = store.Events(run.RunId);
            Assert.AreEqual(
                "Health.Tests.Crash.C_KillsTheHost",
                Text(events.Single(e => e.Kind == EventKinds.WorkerCrashed).Payload, "test")
            );
            Assert.AreEqual(EventKinds.RunCompleted, events[^1].Kind);
            var task = CriticalHostTask(sample);
            Assert.AreEqual("Health.Tests.Crash.C_KillsTheHost", task["tests"]![0]!.GetValue<string>());
        }
    }

    [TestMethod]
    public void ASlowButProgressingHostIsNeverDegraded()
    {
        var (sample, exitCode, output) = RunHealth("Slow");
        using (sample)
        {
            Assert.AreEqual(0, exitCode, output);
            using var store = LiteDbStore.Open(sample.StorePath);
            var run = store.Runs().Single();
            Assert.AreEqual((RunStates.Succeeded, 6), (run.State, run.Passed), output);
            Assert.IsFalse(store.Events(run.RunId).Any(e => e.Kind.StartsWith("worker_", StringComparison.Ordinal)));
            Assert.AreEqual("healthy", store.Hosts(run.RunId).Single().Outcome);
        }
    }

    /// <summary>One class of the Health sample under dotnet test, watched every second.</summary>
    private static (LoggerSample Sample, int ExitCode, string Output) RunHealth(string testClass)
    {
        var sample = new LoggerSample("platform", "Health");
        var (exitCode, output) = sample.Dotnet(
            null,
            "test",
            "--project",
            "Health.Tests/Health.Tests.csproj",
            "--report-uet",
            "--report-uet-db",
            sample.StorePath,
            "--report-uet-health-interval",
            "1",
            "--report-uet-health-grace",
            "1",
            "--filter",
            $"FullyQualifiedName~Health.Tests.{testClass}."
        );
        return (sample, exitCode, output);
    }

    private static JsonNode CriticalHostTask(LoggerSample sample) =>
        JsonNode
            .Parse(UetCli.Run("tasks", "--db", sample.StorePath, "--json").Output)!
            .AsArray()
            .Single(t =>
                t!["priority"]!.GetValue<int>() == 1
                && t["title"]!.GetValue<string>().StartsWith("Test host", StringComparison.Ordinal)
            )!;

    private static string? Text(JsonObject payload, string name) => PayloadValues.Text(payload, name);

    private static List<string> Tests(JsonNode task) =>
        [.. task["tests"]!.AsArray().Select(n => n!.GetValue<string>())];
}

using Microsoft.Testing.Platform.CommandLine;
using Uet.Core.Health;
using Uet.Core.Seams;
using Uet.TestLogger.Mtp;

namespace Uet.TestLogger.Tests.Mtp;

[TestClass]
public sealed class ReportOptionsTests
{
    [TestMethod]
    public void EachOptionSetsTheLoggerParameterOfTheSameMeaning()
    {
        var parameters = ReportOptions.Parameters(
            new Options(
                ("report-uet-db", "/s/uet.db"),
                ("report-uet-session", "ci-7"),
                ("report-uet-dir", "/r"),
                ("report-uet-workstream", "ws.json"),
                ("report-uet-model", "gpt-4o"),
                ("report-uet-token-budget", "1500"),
                ("report-uet-rules", "rules.json"),
                ("report-uet-max-output", "2048")
            ),
            "/results",
            ".NETCoreApp,Version=v10.0"
        );

        Assert.AreEqual(
            ("/s/uet.db", "ci-7", "/r", "ws.json", "gpt-4o", 1500, "rules.json", 2048, "/results"),
            (
                parameters.DbPath,
                parameters.SessionId,
                parameters.ReportDir,
                parameters.Workstream,
                parameters.Model,
                parameters.TokenBudget,
                parameters.Rules,
                parameters.MaxOutputChars,
                parameters.TestRunDirectory
            )
        );
        Assert.AreEqual(0, parameters.Warnings.Count);
    }

    [TestMethod]
    public void ABadValueIsOneWarningThatNamesTheOptionAndTheDefaultIsUsed()
    {
        var options = new Options(
            ("report-uet-token-budget", "lots"),
            ("report-uet-health-interval", "soon"),
            ("report-uet-quarantine", "shrug"),
            ("report-uet-health", "maybe")
        );

        var parameters = ReportOptions.Parameters(options, "/results", null);
        var (health, warnings) = ReportOptions.HealthSettingsOf(options);

        CollectionAssert.AreEqual(
            new[] { "Uet: option --report-uet-token-budget lots is not a whole number of at least 100; using 4000." },
            parameters.Warnings.ToArray()
        );
        CollectionAssert.AreEqual(
            new[]
            {
                "Uet: option --report-uet-health-interval soon is not a number of seconds of at least 1; using 30.",
                "Uet: option --report-uet-quarantine shrug is not kill or report; using kill.",
            },
            warnings.ToArray()
        );
        Assert.AreEqual(new HealthOptions(), health);
        Assert.AreEqual(
            (true, "Uet: option --report-uet-health maybe is not on or off; the test host is watched."),
            ReportOptions.HealthOn(options)
        );
    }

    [TestMethod]
    public void TheHealthOptionsSetTheMonitor()
    {
        var (health, warnings) = ReportOptions.HealthSettingsOf(
            new Options(
                ("report-uet-health-interval", "1"),
                ("report-uet-health-max-failures", "2"),
                ("report-uet-health-grace", "0"),
                ("report-uet-quarantine", "report")
            )
        );

        Assert.AreEqual(0, warnings.Count);
        Assert.AreEqual(
            (TimeSpan.FromSeconds(1), 2, TimeSpan.Zero, QuarantineAction.Report),
            (health.Interval, health.MaxFailures, health.Grace, health.Action)
        );
        Assert.IsFalse(ReportOptions.HealthOn(new Options(("report-uet-health", "off"))).On);
    }

    [TestMethod]
    public void TheReportIsOnWithTheOptionOrTheVariableButNeverWhileListingTests()
    {
        var none = EnvironmentReader.Of(new Dictionary<string, string>());
        var variable = EnvironmentReader.Of(new Dictionary<string, string> { ["UET_REPORT"] = "1" });

        Assert.IsTrue(ReportOptions.IsOn(new Options(("report-uet", null)), none));
        Assert.IsTrue(ReportOptions.IsOn(new Options(), variable));
        Assert.IsFalse(ReportOptions.IsOn(new Options(), none));
        Assert.IsFalse(ReportOptions.IsOn(new Options(("report-uet", null), ("list-tests", null)), variable));
    }

    [TestMethod]
    public void EveryOptionIsDeclaredOnceAndTheNamesAreThePublicOnes()
    {
        var names = new ReportOptions().GetCommandLineOptions().Select(o => o.Name).ToList();

        CollectionAssert.AreEquivalent(
            new[]
            {
                "report-uet",
                "report-uet-db",
                "report-uet-session",
                "report-uet-dir",
                "report-uet-workstream",
                "report-uet-model",
                "report-uet-token-budget",
                "report-uet-rules",
                "report-uet-max-output",
                "report-uet-health-interval",
                "report-uet-health-max-failures",
                "report-uet-health-grace",
                "report-uet-quarantine",
                "report-uet-health",
            },
            names
        );
    }

    /// <summary>The platform's parsed options: the given ones, with their one value (null: an option without one).</summary>
    private sealed class Options(params (string Name, string? Value)[] options) : ICommandLineOptions
    {
        public bool IsOptionSet(string optionName) => options.Any(o => o.Name == optionName);

        public bool TryGetOptionArgumentList(
            string optionName,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string[]? arguments
        )
        {
            var found = options.Where(o => o.Name == optionName).ToList();
            arguments = found.Count == 0 ? null : [.. found.Where(o => o.Value is not null).Select(o => o.Value!)];
            return found.Count > 0;
        }
    }
}

using System.Text.Json;
using Json.Schema;
using Uet.FixTasks.Ledger;
using Uet.FixTasks.Reports;
using Uet.FixTasks.Workstreams;
using Uet.Tests.FixTasks;
using static Uet.Tests.FixTasks.Failures;

namespace Uet.FixTasks.Tests;

[TestClass]
public sealed class ReportTests
{
    private const string Hostile =
        "Expected <b>bold</b> <script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\"> \u001b[31mred\u001b[0m | pipe ``` fence";

    private static LedgerHarness ThreeCausesAndABlockedWorkstream()
    {
        var workstream = new Workstream(
            "WS-1",
            [
                new WorkstreamTask("T1", "Totals", [], [new TestSelector("test", "Shop.Tests.PriceTests.Sum")]),
                new WorkstreamTask("T2", "Checkout", ["T1"], []),
            ]
        );
        var ledger = new LedgerHarness(new LedgerOptions { Workstream = workstream });
        ledger.Run(
            "S1",
            [
                .. Enumerable.Range(0, 12).Select(i => NullInTotal($"Shop.Tests.CartTests.Case{i:00}")),
                AssertEqual("Shop.Tests.PriceTests.Sum", 30, 27),
                Failed("Shop.Tests.Ui.Render", Hostile, "   at Shop.Ui.Render() in /src/Shop/Ui.cs:line 5"),
                AssertEqual("Shop.Tests.PriceTests.Old", 1, 2),
            ]
        );
        ledger.Run(
            "S2",
            [
                .. Enumerable.Range(0, 12).Select(i => NullInTotal($"Shop.Tests.CartTests.Case{i:00}")),
                AssertEqual("Shop.Tests.PriceTests.Sum", 30, 27),
                Failed("Shop.Tests.Ui.Render", Hostile, "   at Shop.Ui.Render() in /src/Shop/Ui.cs:line 5"),
            ],
            passed: ["Shop.Tests.PriceTests.Old"]
        );
        return ledger;
    }

    [TestMethod]
    public void TheJsonReportMatchesTheShippedSchema()
    {
        var data = ThreeCausesAndABlockedWorkstream().Report();
        var schema = JsonSchema.FromText(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fix_task_report.v1.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }
        );

        using var report = JsonDocument.Parse(JsonReport.Render(data));
        var result = schema.Evaluate(report.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.IsTrue(
            result.IsValid,
            string.Join(
                "\n",
                (result.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            )
        );
        var tasks = report.RootElement.GetProperty("tasks");
        Assert.AreEqual(4, tasks.GetArrayLength());
        Assert.AreEqual(1, tasks[0].GetProperty("priority").GetInt32());
        Assert.AreEqual("Shop.Tests.CartTests.Case00", tasks[0].GetProperty("tests")[0].GetString());
        Assert.AreEqual(3, report.RootElement.GetProperty("summary").GetProperty("open").GetInt32());
        Assert.AreEqual(1, report.RootElement.GetProperty("summary").GetProperty("resolved").GetInt32());
        Assert.AreEqual(
            "T1",
            report.RootElement.GetProperty("blocked_work").GetProperty("tasks")[0].GetProperty("task_id").GetString()
        );
    }

    [TestMethod]
    public void TheMarkdownListsEachCauseOnceBlockingFirstWithWhatItBlocks()
    {
        var markdown = MarkdownReport.Render(ThreeCausesAndABlockedWorkstream().Report());

        StringAssert.StartsWith(markdown, "# Fix tasks: 3 open (1 critical, 2 high), 1 resolved");
        var rows = markdown
            .Split('\n')
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .ToList();
        Assert.AreEqual(3, rows.Count);
        StringAssert.Contains(rows[0], "| critical | NullReferenceException in Cart.Total()");
        StringAssert.Contains(markdown, "**Blocked work** (workstream `WS-1`): T1 by FT-");
        StringAssert.Contains(markdown, "T2 by T1");
        var outsideFences = System.Text.RegularExpressions.Regex.Replace(markdown, @"(?s)(`{3,})text\n.*?\n\1\n", "");
        Assert.IsFalse(
            outsideFences.Contains("<script>", StringComparison.Ordinal),
            "HTML in a message stays text: in a fence, or encoded"
        );
        Assert.IsFalse(markdown.Contains('\u001b'), "no raw escape codes");
        StringAssert.Contains(markdown, "````text", "a fence longer than the message's own backticks");
    }

    [TestMethod]
    public void TheHtmlPageEncodesEveryMessageAndHasNoScript()
    {
        var html = HtmlReport.Render(ThreeCausesAndABlockedWorkstream().Report());

        Assert.IsFalse(html.Contains("<script", StringComparison.OrdinalIgnoreCase));
        Assert.IsFalse(html.Contains("<img", StringComparison.OrdinalIgnoreCase));
        StringAssert.Contains(html, "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;");
        StringAssert.Contains(html, "\u241b[31mred");
        StringAssert.Contains(html, "default-src 'none'");
        Assert.AreEqual(3, html.Split("<article class=\"task").Length - 1);
    }

    [TestMethod]
    public void EachRunShowsItsTestHostsStepByStepInTheHtmlAndTheJson()
    {
        var ledger = ThreeCausesAndABlockedWorkstream();
        var run = ledger.Runs[^1];
        var started = DateTimeOffset.Parse("2026-11-29T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var host = new Uet.Core.Health.HealthReport(
            4242,
            started,
            ["/src/Shop.Tests/bin/Shop.Tests.dll"],
            [
                (
                    started.AddSeconds(31),
                    new Uet.Core.Health.HealthFinding(
                        Uet.Core.Events.EventKinds.WorkerHealthCheckFailed,
                        4242,
                        Uet.Core.Health.HostHealth.Degraded,
                        "Shop.Tests.Cart.Hangs",
                        TimeSpan.FromSeconds(30.2),
                        1
                    )
                ),
                (
                    started.AddSeconds(91),
                    new Uet.Core.Health.HealthFinding(
                        Uet.Core.Events.EventKinds.WorkerQuarantined,
                        4242,
                        Uet.Core.Health.HostHealth.Unhealthy,
                        "Shop.Tests.Cart.Hangs",
                        TimeSpan.FromSeconds(90.2),
                        3,
                        Killed: true
                    )
                ),
            ]
        );
        var data = ledger.Report() with
        {
            Hosts = new Dictionary<string, IReadOnlyList<Uet.Core.Health.HealthReport>> { [run.RunId] = [host] },
        };

        var html = HtmlReport.Render(data);
        using var json = JsonDocument.Parse(JsonReport.Render(data));

        StringAssert.Contains(html, "test host pid 4242");
        StringAssert.Contains(
            html,
            "started 10:00:00; degraded 10:00:31 (Shop.Tests.Cart.Hangs, no progress for 30 s); quarantined and ended 10:01:31 (Shop.Tests.Cart.Hangs, no progress for 90 s); quarantined"
        );
        var hosts = json
            .RootElement.GetProperty("runs")
            .EnumerateArray()
            .Single(r => r.GetProperty("run_id").GetString() == run.RunId)
            .GetProperty("test_hosts");
        Assert.AreEqual("quarantined", hosts[0].GetProperty("outcome").GetString());
        Assert.AreEqual(2, hosts[0].GetProperty("findings").GetArrayLength());
    }

    [TestMethod]
    public void TheStepSummaryStaysUnderGitHubsLimitAndSaysItWasCut()
    {
        using var folder = new TempFolder();
        var summary = folder.Write("summary.md", new string('x', ReportWriter.StepSummaryLimit - 3000));
        var markdown = MarkdownReport.Render(ThreeCausesAndABlockedWorkstream().Report());
        markdown += string.Concat(Enumerable.Range(0, 40).Select(i => $"\n## {i}. filler\n\n{new string('y', 200)}\n"));

        var warning = ReportWriter.AppendStepSummary(markdown, summary);

        Assert.IsNull(warning);
        var length = new FileInfo(summary).Length;
        Assert.IsTrue(length <= ReportWriter.StepSummaryLimit, $"{length} bytes");
        StringAssert.Contains(File.ReadAllText(summary), "The fix-task report was cut here");
    }

    [TestMethod]
    public void AStepSummaryThatCannotBeWrittenIsAWarningNotAFailure()
    {
        using var folder = new TempFolder();

        var warning = ReportWriter.AppendStepSummary("# x\n", Path.Combine(folder.Path, "missing-dir", "summary.md"));

        StringAssert.StartsWith(warning, "Uet: the fix tasks could not be added to the step summary");
    }
}

using Uet.FixTasks.Reports;
using Uet.Tests.FixTasks;
using static Uet.Tests.FixTasks.Failures;

namespace Uet.FixTasks.IntegrationTests;

/// <summary>The HTML report in a real headless Chromium: it renders its tasks, and hostile test output stays text.</summary>
[TestClass]
public sealed class HtmlReportBrowserTests
{
    [TestMethod]
    public void ThePageRendersTheTasksAndRunsNoInjectedScript()
    {
        const string Injected =
            "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script><img src=x onerror=\"document.title='PWNED'\"><svg onload=\"document.title='PWNED'\"></svg>\u001b[31mred\u001b[0m";
        var ledger = new LedgerHarness();
        ledger.Run(
            "S1",
            [
                .. Enumerable.Range(0, 3).Select(i => NullInTotal($"Shop.Tests.CartTests.Case{i}")),
                Failed(
                    "Shop.Tests.Ui.Renders",
                    "System.InvalidOperationException: " + Injected,
                    "   at Shop.Ui.Render() in /src/Shop/Ui.cs:line 5"
                ),
                Failed(
                    "Shop.Tests.Ui.Escapes</code><script>document.title='PWNED'</script>",
                    "Assert.Fail failed. " + Injected,
                    "   at Shop.Tests.Ui.Escapes() in /src/Shop.Tests/Ui.cs:line 9"
                ),
            ]
        );
        using var folder = new TempFolder();
        var page = folder.Write("fix-tasks.html", HtmlReport.Render(ledger.Report()));

        var dom = HeadlessChromium.DumpDom(page);

        StringAssert.Contains(dom, "<title>Uet fix tasks</title>", "no script changed the title");
        Assert.IsFalse(
            dom.Contains("data-pwned=\"1\"", StringComparison.Ordinal),
            "no script set the body's attribute"
        );
        Assert.IsFalse(
            dom.Contains("<script", StringComparison.OrdinalIgnoreCase),
            "no script element came from the output"
        );
        Assert.IsFalse(
            dom.Contains("<img", StringComparison.OrdinalIgnoreCase),
            "no image element came from the output"
        );
        Assert.IsFalse(dom.Contains("<svg", StringComparison.OrdinalIgnoreCase), "no svg element came from the output");
        Assert.AreEqual(3, dom.Split("<article class=\"task").Length - 1, "one card per task");
        StringAssert.Contains(dom, "NullReferenceException in Cart.Total()");
        StringAssert.Contains(dom, "&lt;script&gt;document.title='PWNED'", "the output is shown as text");
        StringAssert.Contains(dom, "\u241b[31mred", "escape codes are shown, not interpreted");
    }
}

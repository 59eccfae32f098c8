namespace Uet.Tests.Shared;

/// <summary>
/// Debian's Chromium, headless: installed by this set-up when the machine lacks it (apt-get, as root), then used
/// to load a page from a file and print the DOM it ended with, after any script on it would have run. Compiled
/// into the test projects that load reports in a browser.
/// </summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private static readonly Lazy<string> Installed = new(Install);

    public static string DumpDom(string htmlFile)
    {
        var (code, output) = ProcessRunner.Run(
            Installed.Value,
            [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--virtual-time-budget=2000",
                "--dump-dom",
                new Uri(htmlFile).AbsoluteUri,
            ],
            Path.GetDirectoryName(htmlFile)!,
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(2)
        );
        Assert.AreEqual(0, code, output);
        // The output has the browser's own log lines (stderr) around the DOM.
        var start = output.IndexOf("<html", StringComparison.Ordinal);
        var end = output.LastIndexOf("</html>", StringComparison.Ordinal);
        Assert.IsTrue(start >= 0 && end > start, $"no page in the output:\n{output}");
        return output[start..(end + "</html>".Length)];
    }

    private static string Install()
    {
        if (!File.Exists(Browser))
        {
            var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            var (update, updated) = ProcessRunner.Run(
                "apt-get",
                ["update", "-qq"],
                "/",
                environment,
                TimeSpan.FromMinutes(5)
            );
            Assert.AreEqual(
                0,
                update,
                $"apt-get update failed (the browser test installs Debian's chromium, as root):\n{updated}"
            );
            var (install, installed) = ProcessRunner.Run(
                "apt-get",
                ["install", "-y", "-qq", "chromium"],
                "/",
                environment,
                TimeSpan.FromMinutes(10)
            );
            Assert.AreEqual(0, install, $"apt-get install chromium failed:\n{installed}");
        }
        return Browser;
    }
}

namespace Uet.Tests.Shared;

/// <summary>
/// Debian's Chromium, headless (installed by <c>.ci/setup</c>, never by a test), used to load a page from a file and print the DOM it ended with, after any script on it would have run. Compiled
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
        Assert.IsTrue(
            File.Exists(Browser),
            $"{Browser} is missing: run `bash .ci/setup` (as root) once, which installs Debian's chromium."
        );
        return Browser;
    }
}

using Uet.Context;

namespace Uet.Cli.Tests;

/// <summary>`uet context count|fit|chunk` on real files, counted again with the real tokenizers.</summary>
[TestClass]
public sealed class ContextCommandTests
{
    [TestMethod]
    public void CountPrintsTheCountAloneOnItsLastLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", "Hello, world! 你好 😀\nsecond line");

        var (code, output) = UetCli.Run("context", "count", "--model", "gpt-4", file);

        Assert.AreEqual(0, code, output);
        var lines = output.TrimEnd().Split('\n');
        Assert.AreEqual("gpt-4: cl100k_base, exact", lines[0]);
        Assert.AreEqual(
            TokenCounter
                .Default.Count("Hello, world! 你好 😀\nsecond line", "gpt-4")
                .Tokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            lines[^1]
        );
    }

    [TestMethod]
    public void FitWritesTheTextFittedToTheBudget()
    {
        using var folder = new TempFolder();
        var file = folder.Write("log.txt", string.Join('\n', Enumerable.Range(1, 3000).Select(i => $"log line {i}")));

        var (code, output) = UetCli.Run("context", "fit", "--model", "gpt-4o", "--budget", "80", file);

        Assert.AreEqual(0, code, output);
        Assert.IsTrue(TokenCounter.Default.Count(output, "gpt-4o").Tokens <= 80);
        StringAssert.StartsWith(output, "log line 1\n");
        StringAssert.EndsWith(output, "log line 3000");
        StringAssert.Contains(output, "lines omitted");
    }

    [TestMethod]
    public void ChunkWritesOneFileAChunkEachWithinTheBudget()
    {
        using var folder = new TempFolder();
        var text = string.Join('\n', Enumerable.Range(1, 2000).Select(i => $"line {i}: 😀 中文 naïve"));
        var file = folder.Write("big.txt", text);
        var outDir = Path.Combine(folder.Path, "chunks");

        var (code, output) = UetCli.Run(
            "context",
            "chunk",
            "--model",
            "claude-sonnet-4",
            "--budget",
            "500",
            file,
            "--out",
            outDir
        );

        Assert.AreEqual(0, code, output);
        var chunks = Directory.GetFiles(outDir).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Assert.IsTrue(chunks.Count > 1);
        Assert.AreEqual(text, string.Concat(chunks));
        Assert.IsTrue(chunks.All(c => TokenCounter.Default.Count(c, "claude-sonnet-4").Tokens <= 500));
    }

    [TestMethod]
    public void AModelTableOfOnesOwnIsUsedWhenGiven()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", "Hello, world!");
        var models = folder.Write(
            "models.json",
            """[{ "prefix": "acme", "encoding": "cl100k_base", "context_window": 1000 }]"""
        );

        Assert.AreEqual(
            "acme-1: cl100k_base, exact",
            UetCli.Run("context", "count", "--model", "acme-1", "--models", models, file).Output.Split('\n')[0]
        );
        Assert.AreEqual(
            "acme-1: estimate from o200k_base + 25%",
            UetCli.Run("context", "count", "--model", "acme-1", file).Output.Split('\n')[0]
        );
        var (code, output) = UetCli.Run(
            "context",
            "count",
            "--model",
            "acme-1",
            "--models",
            folder.Write("bad.json", "[1]"),
            file
        );
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "not a model table");
    }

    [TestMethod]
    public void ABadBudgetOrAMissingFileIsAnError()
    {
        Assert.AreEqual(2, UetCli.Run("context", "fit", "--model", "gpt-4o", "--budget", "0", "x.txt").ExitCode);
        var (code, output) = UetCli.Run("context", "count", "--model", "gpt-4o", "/no/such/file.txt");
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "/no/such/file.txt: no such file.");
    }
}

using System.Globalization;
using Uet.Context.Encodings;
using Uet.Context.Fitting;

namespace Uet.Context.Tests;

/// <summary>Property tests: random texts and budgets; every result re-counted with the real tokenizer.</summary>
[TestClass]
public sealed class FittingTests
{
    private static readonly ExactTokenizer Counter = Tokenizers.For(TiktokenEncoding.O200kBase);
    private static readonly Func<string, int> Count = Counter.CountTokens;
    private static readonly string[] Words =
    [
        "error",
        "at",
        "Shop.Checkout.Cart.Total()",
        "😀",
        "👨‍👩‍👧‍👦",
        "中文",
        "naïve",
        "e\u0301",
        "42",
        "{",
        "}",
        "=>",
        "    ",
        "𝟏𝟐𝟑",
    ];

    [TestMethod]
    public void SummarizeAlwaysFitsAndKeepsTheFirstAndLastLines()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 150; trial++)
        {
            var text = RandomText(random, lines: random.Next(1, 200));
            var budget = random.Next(12, 400);

            var result = Summarizer.Summarize(text, budget, Counter);

            Assert.IsTrue(Count(result) <= budget, $"trial {trial}: {Count(result)} tokens for a budget of {budget}");
            if (Count(text) <= budget)
            {
                Assert.AreEqual(text, result, "a text that fits is left as it is");
            }
            else if (result.Length > 0)
            {
                StringAssert.Contains(result, "lines omitted");
                var lines = text.Split('\n');
                var kept = result.Split('\n');
                if (kept.Length > 2)
                {
                    Assert.AreEqual(lines[0], kept[0], "the first line is kept first");
                    Assert.AreEqual(lines[^1], kept[^1], "the last line is kept last");
                }
            }
        }
    }

    [TestMethod]
    public void LinesCountedInOnePassAddUpToTheTextsCount()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 100; trial++)
        {
            var text =
                RandomText(random, lines: random.Next(1, 60), longLines: trial % 4 == 0) + (trial % 2 == 0 ? "\n" : "");

            var lines = Counter.CountLines(text);

            Assert.AreEqual(Lines.Of(text).Count(), lines.Length, $"trial {trial}: one count a line");
            Assert.AreEqual(Count(text), lines.Sum(), $"trial {trial}: the lines add up to the text");
        }
    }

    [TestMethod]
    public void SummarizeSaysHowManyLinesItLeftOut()
    {
        var text = string.Join('\n', Enumerable.Range(1, 1000).Select(i => $"line {i} of the log"));
        var result = Summarizer.Summarize(text, 60, Counter);
        var kept = result.Split('\n');
        var omitted = int.Parse(
            kept.Single(l => l.StartsWith("[…", StringComparison.Ordinal)).Split(' ')[1],
            NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture
        );
        Assert.AreEqual(1000, kept.Length - 1 + omitted);
        Assert.AreEqual("line 1 of the log", kept[0]);
        Assert.AreEqual("line 1000 of the log", kept[^1]);
    }

    [TestMethod]
    public void ChunksFitPutBackTogetherAreTheTextAndNeverCutAGrapheme()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 120; trial++)
        {
            var text = RandomText(random, lines: random.Next(1, 120), longLines: trial % 3 == 0);
            var budget = random.Next(16, 300);

            var chunks = Chunker.Chunk(text, budget, Counter);

            Assert.AreEqual(text, string.Concat(chunks), $"trial {trial}: the chunks are the text");
            foreach (var chunk in chunks)
            {
                Assert.IsTrue(
                    Count(chunk) <= budget,
                    $"trial {trial}: a chunk of {Count(chunk)} tokens for a budget of {budget}"
                );
                Assert.IsTrue(
                    StartsOnGraphemeBoundary(text, chunks, chunk),
                    $"trial {trial}: a chunk starts inside a grapheme"
                );
            }
        }
    }

    [TestMethod]
    public void OverlapRepeatsTheLastLinesOfThePreviousChunk()
    {
        var text = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"line {i}"));
        var chunks = Chunker.Chunk(text, 30, Counter, overlapLines: 2);

        Assert.IsTrue(chunks.Count > 2);
        for (var i = 1; i < chunks.Count; i++)
        {
            var previous = chunks[i - 1].TrimEnd('\n').Split('\n');
            StringAssert.StartsWith(chunks[i], string.Join('\n', previous[^2..]) + "\n");
            Assert.IsTrue(Count(chunks[i]) <= 30);
        }
    }

    private static bool StartsOnGraphemeBoundary(string text, IReadOnlyList<string> chunks, string chunk)
    {
        var offset = 0;
        foreach (var c in chunks)
        {
            if (ReferenceEquals(c, chunk))
            {
                break;
            }

            offset += c.Length;
        }
        return offset == 0 || StringInfo.ParseCombiningCharacters(text).Contains(offset);
    }

    private static string RandomText(Random random, int lines, bool longLines = false) =>
        string.Join(
            '\n',
            Enumerable
                .Range(0, lines)
                .Select(_ =>
                    string.Join(
                        longLines && random.Next(4) == 0 ? "" : " ",
                        Enumerable
                            .Range(0, random.Next(0, longLines ? 120 : 14))
                            .Select(_ => Words[random.Next(Words.Length)])
                    )
                )
        );
}

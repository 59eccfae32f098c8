using System.Text.Json.Nodes;
using Uet.Context.Encodings;

namespace Uet.Context.Tests;

/// <summary>
/// Token ids equal OpenAI's tiktoken (encode_ordinary) on a corpus of real files and hard cases: astral-plane
/// characters, special-token text, emoji with joiners, CJK, combining marks, long runs, random mixtures.
/// </summary>
[TestClass]
public sealed class ExactCountTests
{
    private static readonly JsonArray Corpus = JsonNode
        .Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tiktoken-ids.json")))!
        .AsArray();

    [TestMethod]
    [DataRow("cl100k_base")]
    [DataRow("o200k_base")]
    public void IdsEqualTiktokensOnEveryTextOfTheCorpus(string encodingName)
    {
        var tokenizer = Tokenizers.For(TiktokenEncoding.All.Single(e => e.Name == encodingName));
        var mismatches = new List<string>();
        foreach (var row in Corpus)
        {
            var text = row!["text"]!.GetValue<string>();
            var expected = row[encodingName]!.AsArray().Select(id => id!.GetValue<int>()).ToList();
            var actual = tokenizer.EncodeToIds(text).ToList();
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"[{row["kind"]}] {Show(text)}: tiktoken {expected.Count} tokens, Uet {actual.Count}");
            }
            Assert.AreEqual(expected.Count, tokenizer.CountTokens(text), $"count of {Show(text)}");
        }
        Assert.AreEqual(
            0,
            mismatches.Count,
            $"{mismatches.Count} of {Corpus.Count} texts differ:\n{string.Join("\n", mismatches.Take(20))}"
        );
    }

    [TestMethod]
    public void CountsStayExactWhenPiecesAreKnownAndWhenTheCacheIsFull()
    {
        // Counting remembers the pieces it has merged (up to a limit): a text counted again, and texts counted
        // after the limit is reached, still count what their ids say. Words are random so that most are new.
        var tokenizer = Tokenizers.For(TiktokenEncoding.O200kBase);
        var random = new Random(5);
        const string letters = "abcdefghijklmnopqrstuvwxyzÉé的一";
        string Word() =>
            new([.. Enumerable.Range(0, 2 + random.Next(9)).Select(_ => letters[random.Next(letters.Length)])]);
        for (var round = 0; round < 4; round++)
        {
            var text = string.Join(random.Next(3) == 0 ? "\n" : " ", Enumerable.Range(0, 15_000).Select(_ => Word()));
            var ids = tokenizer.EncodeToIds(text).Count;
            Assert.AreEqual(ids, tokenizer.CountTokens(text), $"round {round}, first count");
            Assert.AreEqual(ids, tokenizer.CountTokens(text), $"round {round}, counted again");
        }
    }

    [TestMethod]
    public void ThreadsCountingAtOnceGetTheCountsOfOneThread()
    {
        // The tokenizer is shared by the process: its remembered pieces and pairs are written by every thread.
        var tokenizer = Tokenizers.For(TiktokenEncoding.Cl100kBase);
        var texts = Enumerable
            .Range(0, 16)
            .Select(i =>
                string.Join(
                    ' ',
                    Enumerable
                        .Range(0, 1000)
                        .Select(j =>
                            ((i * 7919L + j * 104729L) % 1_000_003).ToString(
                                "x",
                                System.Globalization.CultureInfo.InvariantCulture
                            ) + new string('=', j % 300)
                        )
                )
            )
            .ToList();
        var alone = texts.Select(t => tokenizer.EncodeToIds(t).Count).ToList();

        var together = new int[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            together[i] = tokenizer.CountTokens(texts[i])
        );

        CollectionAssert.AreEqual(alone, together);
    }

    [TestMethod]
    public async Task APreparedTokenizerIsTheOneEveryCallerGets()
    {
        var preparing = Tokenizers.Prepare(TiktokenEncoding.O200kBase);
        var meanwhile = Tokenizers.For(TiktokenEncoding.O200kBase); // Waits for the same one, does not make another.
        await preparing;

        Assert.AreSame(meanwhile, Tokenizers.For(TiktokenEncoding.O200kBase));
        Assert.AreEqual(2, meanwhile.CountTokens("Prepared."));
    }

    [TestMethod]
    public void TheBuildTimePatternsAreTheEncodingsOwn()
    {
        Assert.AreSame(Patterns.Cl100k(), Patterns.For(TiktokenEncoding.Cl100kBase));
        Assert.AreSame(Patterns.O200k(), Patterns.For(TiktokenEncoding.O200kBase));
    }

    [TestMethod]
    public void AstralDigitsAreGroupedAsDigitsLikeTiktokenDoes()
    {
        // \p{N}{1,3} over code points: "𝟏𝟐𝟑" is one piece; .NET's Regex alone sees six surrogates of category Cs.
        var pieces = new CodePointPreTokenizer(
            new System.Text.RegularExpressions.Regex(TiktokenEncoding.Cl100kBase.Pattern)
        ).Split("𝟏𝟐𝟑𝟒 x");
        CollectionAssert.AreEqual(new[] { (0, 6), (6, 2), (8, 2) }, pieces);
    }

    [TestMethod]
    public void SpecialTokenTextIsOrdinaryTextEveryTime()
    {
        var tokenizer = Tokenizers.For(TiktokenEncoding.Cl100kBase);
        var counts = Enumerable.Range(0, 3).Select(_ => tokenizer.CountTokens("<|endoftext|>")).ToList();
        CollectionAssert.AreEqual(new[] { 7, 7, 7 }, counts, "the same count whether or not the text is in the cache");
    }

    [TestMethod]
    [DataRow("cl100k_base")]
    [DataRow("o200k_base")]
    public void LongPiecesAreMergedLikeShortOnesWouldBe(string encodingName)
    {
        // The fast merge of long pieces against the library's own merge, on pieces just over the threshold and
        // on long runs of letters, spaces, punctuation and CJK. Runs of spaces and of '=' make tokens that can be
        // cut into a later token ("    " = " " + "   "), the case the merge order must take out of turn.
        var encoding = TiktokenEncoding.All.Single(e => e.Name == encodingName);
        var whole = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding(encoding.Name);
        var exact = Tokenizers.For(encoding);
        var random = new Random(7);
        string[] alphabets =
        [
            "etaoinshrdlu",
            "abcdefghijklmnopqrstuvwxyzäöüßñ",
            "    ",
            "=====-",
            "*#=-_~",
            "的一是不了人我在有他这为之大来以个中上们",
        ];
        for (var i = 0; i < 60; i++)
        {
            var length = BytePairMerger.LongPiece + 1 + random.Next(1500);
            var alphabet = alphabets[i % alphabets.Length];
            var run = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            CollectionAssert.AreEqual(
                whole.EncodeToIds(run).ToList(),
                exact.EncodeToIds(run).ToList(),
                $"a run of {length} from \"{alphabet}\""
            );
        }
    }

    private static string Show(string text) =>
        text.Length > 60
            ? text[..60].Replace("\n", "\\n", StringComparison.Ordinal) + "…"
            : text.Replace("\n", "\\n", StringComparison.Ordinal);
}

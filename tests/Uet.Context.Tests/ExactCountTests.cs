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
    private static readonly JsonArray Corpus = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tiktoken-ids.json")))!.AsArray();

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
        Assert.AreEqual(0, mismatches.Count, $"{mismatches.Count} of {Corpus.Count} texts differ:\n{string.Join("\n", mismatches.Take(20))}");
    }

    [TestMethod]
    public void AstralDigitsAreGroupedAsDigitsLikeTiktokenDoes()
    {
        // \p{N}{1,3} over code points: "𝟏𝟐𝟑" is one piece; .NET's Regex alone sees six surrogates of category Cs.
        var pieces = new CodePointPreTokenizer(new System.Text.RegularExpressions.Regex(TiktokenEncoding.Cl100kBase.Pattern))
            .PreTokenize("𝟏𝟐𝟑𝟒 x").ToList();
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
        // The O(n log n) merge of long pieces against the library's own merge, on pieces just over the threshold
        // and on long random words, where the two could part ways.
        var encoding = TiktokenEncoding.All.Single(e => e.Name == encodingName);
        var whole = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding(encoding.Name);
        var exact = Tokenizers.For(encoding);
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var length = ExactTokenizer.LongPiece + 1 + random.Next(1500);
            var letters = i % 2 == 0 ? "etaoinshrdlu" : "abcdefghijklmnopqrstuvwxyzäöüßñ";
            var word = new string([.. Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)])]);
            CollectionAssert.AreEqual(whole.EncodeToIds(word).ToList(), exact.EncodeToIds(word).ToList(), $"a word of {length} letters");
        }
    }

    private static string Show(string text) => text.Length > 60 ? text[..60].Replace("\n", "\\n", StringComparison.Ordinal) + "…" : text.Replace("\n", "\\n", StringComparison.Ordinal);
}

using System.Text;
using Uet.Context.Encodings;

namespace Uet.Context.Tests;

/// <summary>
/// Both merges (the scan for short pieces, the merge order for long ones) against tiktoken's rule written out the
/// slow way (merge the adjacent pair whose bytes make the lowest-ranked token, the leftmost on a tie), on small
/// made-up vocabularies where a token can be made of a later token: the case the merge order has to take out of
/// turn, which OpenAI's vocabularies rarely reach.
/// </summary>
[TestClass]
public sealed class BytePairMergerTests
{
    [TestMethod]
    public void ATokenMadeOfALaterTokenIsStillMergedFirst()
    {
        // "bc" (rank 257) merges first, then "a" + "bc" makes "abc", whose rank 256 is lower than the one just taken.
        var merger = Load(new() { ["abc"] = 256, ["bc"] = 257 });
        var longPiece = string.Concat(Enumerable.Repeat("abcbc", BytePairMerger.LongPiece));

        var ids = new List<int>();
        var count = merger.Encode("abcbc", ids);
        var longIds = new List<int>();
        var longCount = merger.Encode(longPiece, longIds);

        Assert.AreEqual(2, count);
        CollectionAssert.AreEqual(new[] { 256, 257 }, ids);
        Assert.AreEqual(2 * BytePairMerger.LongPiece, longCount);
        CollectionAssert.AreEqual(
            Enumerable.Repeat(new[] { 256, 257 }, BytePairMerger.LongPiece).SelectMany(pair => pair).ToList(),
            longIds
        );
    }

    [TestMethod]
    public void RandomVocabulariesMergeAsTiktokenWould()
    {
        var random = new Random(11);
        for (var vocabulary = 0; vocabulary < 40; vocabulary++)
        {
            var alphabet = vocabulary % 2 == 0 ? "ab" : "abcd"; // Two letters: many overlapping pairs of one rank.
            var tokens = RandomTokens(random, alphabet, count: 40);
            var merger = Load(tokens);
            for (var text = 0; text < 100; text++)
            {
                var length = text % 20 == 0 ? BytePairMerger.LongPiece + 1 + random.Next(100) : 1 + random.Next(60); // Both merges.
                var piece = new string([
                    .. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]),
                ]);
                var ids = new List<int>();

                var count = merger.Encode(piece, ids);

                var expected = SlowMerge(tokens, piece);
                CollectionAssert.AreEqual(
                    expected,
                    ids,
                    $"\"{piece}\" with {string.Join(", ", tokens.Select(t => $"{t.Key}={t.Value}"))}"
                );
                Assert.AreEqual(expected.Count, count);
            }
        }
    }

    private static Dictionary<string, int> RandomTokens(Random random, string alphabet, int count)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranks = Enumerable.Range(256, count).OrderBy(_ => random.Next()).ToList();
        while (tokens.Count < count)
        {
            var token = new string([
                .. Enumerable.Range(0, 2 + random.Next(4)).Select(_ => alphabet[random.Next(alphabet.Length)]),
            ]);
            tokens.TryAdd(token, ranks[tokens.Count]);
        }
        return tokens;
    }

    private static List<int> SlowMerge(Dictionary<string, int> tokens, string piece)
    {
        var parts = piece.Select(c => c.ToString()).ToList();
        while (true)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i + 1 < parts.Count; i++)
            {
                if (tokens.TryGetValue(parts[i] + parts[i + 1], out var rank) && rank < bestRank)
                {
                    (best, bestRank) = (i, rank);
                }
            }
            if (best < 0)
            {
                return [.. parts.Select(p => p.Length == 1 ? p[0] : tokens[p])];
            }
            parts[best] += parts[best + 1];
            parts.RemoveAt(best + 1);
        }
    }

    /// <summary>A vocabulary in the .tiktoken form: every byte as itself (rank = byte), then the given tokens.</summary>
    private static BytePairMerger Load(Dictionary<string, int> tokens)
    {
        var lines = new StringBuilder();
        for (var b = 0; b < 256; b++)
        {
            lines.Append(Convert.ToBase64String([(byte)b])).Append(' ').Append(b).Append('\n');
        }
        foreach (var (token, rank) in tokens)
        {
            lines.Append(Convert.ToBase64String(Encoding.ASCII.GetBytes(token))).Append(' ').Append(rank).Append('\n');
        }
        return new BytePairMerger(Vocabulary.Load(new MemoryStream(Encoding.ASCII.GetBytes(lines.ToString()))));
    }
}

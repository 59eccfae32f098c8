using System.Text;

namespace Uet.Context.Encodings;

/// <summary>
/// Byte-pair merging for long pieces (a run of 200,000 letters, a page of '=' or of spaces), in O(n log n): the
/// merge loop of ML.Tokenizers and tiktoken is quadratic in the piece's length (200,000 'a' took 13 s). The rule is
/// tiktoken's: merge the adjacent pair of lowest rank, the leftmost one on a tie, until no pair is in the
/// vocabulary; a priority queue keyed (rank, position) finds that pair each time, so the result is the same.
/// Two adjacent parts are always tokens, so whether they merge is a lookup of their two ranks in a table made once
/// from the vocabulary (every token cut in two tokens), not a lookup of their bytes.
/// </summary>
internal sealed class LongPieceEncoder
{
    private readonly int[] _byteRanks;
    private readonly Dictionary<long, int> _merges;

    private LongPieceEncoder(int[] byteRanks, Dictionary<long, int> merges)
    {
        _byteRanks = byteRanks;
        _merges = merges;
    }

    /// <summary>
    /// Reads a vocabulary as the data packages hold it: a "Capacity: N" line, then one base64 token a line, whose
    /// rank is its line number; the .tiktoken form "BASE64 RANK" is read too.
    /// </summary>
    public static LongPieceEncoder Load(Stream vocabulary)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal); // Bytes as Latin-1 text.
        using var reader = new StreamReader(vocabulary, Encoding.ASCII);
        var next = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line.Contains(':', StringComparison.Ordinal))
            {
                continue; // The capacity header.
            }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var rank = space < 0 ? next : int.Parse(line.AsSpan(space + 1), System.Globalization.CultureInfo.InvariantCulture);
            ranks[Encoding.Latin1.GetString(Convert.FromBase64String(space < 0 ? line : line[..space]))] = rank;
            next = rank + 1;
        }
        var lookup = ranks.GetAlternateLookup<ReadOnlySpan<char>>();
        var byteRanks = new int[256];
        for (var b = 0; b < 256; b++)
        {
            byteRanks[b] = ranks[((char)b).ToString()];
        }
        var merges = new Dictionary<long, int>(PairComparer.Instance);
        foreach (var (token, rank) in ranks)
        {
            for (var cut = 1; cut < token.Length; cut++)
            {
                if (lookup.TryGetValue(token.AsSpan(0, cut), out var left) && lookup.TryGetValue(token.AsSpan(cut), out var right))
                {
                    merges[Key(left, right)] = rank;
                }
            }
        }
        return new LongPieceEncoder(byteRanks, merges);
    }

    /// <summary>The ids of one piece (its UTF-8 bytes), appended to <paramref name="ids"/> when given; returns their number.</summary>
    public int Encode(string piece, List<int>? ids)
    {
        var bytes = Encoding.UTF8.GetBytes(piece);
        var n = bytes.Length;
        // The parts: a linked list over byte offsets, each part's token rank, and the rank its pair with the next part would merge into.
        var next = new int[n];
        var prev = new int[n];
        var rank = new int[n];
        var pairRank = new int[n];
        var queue = new PriorityQueue<int, long>(n);
        for (var i = 0; i < n; i++)
        {
            next[i] = i + 1;
            prev[i] = i - 1;
            rank[i] = _byteRanks[bytes[i]];
        }
        for (var i = 0; i < n; i++)
        {
            pairRank[i] = i + 1 < n ? Merge(rank[i], rank[i + 1]) : int.MaxValue;
            Enqueue(queue, i, pairRank[i]);
        }
        var parts = n;
        while (queue.TryDequeue(out var left, out var key))
        {
            if (rank[left] < 0 || pairRank[left] != (int)(key >> 32))
            {
                continue; // Stale: this part was merged away, or its pair changed since.
            }
            var right = next[left];
            rank[left] = pairRank[left];
            rank[right] = -1;
            next[left] = next[right];
            if (next[left] < n)
            {
                prev[next[left]] = left;
            }
            parts--;
            pairRank[left] = next[left] < n ? Merge(rank[left], rank[next[left]]) : int.MaxValue;
            Enqueue(queue, left, pairRank[left]);
            if (prev[left] >= 0)
            {
                var before = prev[left];
                pairRank[before] = Merge(rank[before], rank[left]);
                Enqueue(queue, before, pairRank[before]);
            }
        }
        if (ids is not null)
        {
            for (var i = 0; i < n; i = next[i])
            {
                ids.Add(rank[i]);
            }
        }
        return parts;
    }

    private int Merge(int left, int right) => _merges.TryGetValue(Key(left, right), out var merged) ? merged : int.MaxValue;

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    /// <summary>
    /// Pairs of ranks hash badly with long's own hash (the two halves XORed: (a, b) and (b, a) collide, and so do
    /// most pairs of small ranks); a multiplicative hash spreads them.
    /// </summary>
    private sealed class PairComparer : IEqualityComparer<long>
    {
        public static PairComparer Instance { get; } = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }

    /// <summary>Queued by (rank, position): the lowest rank first, the leftmost on a tie.</summary>
    private static void Enqueue(PriorityQueue<int, long> queue, int part, int pairRank)
    {
        if (pairRank != int.MaxValue)
        {
            queue.Enqueue(part, ((long)pairRank << 32) | (uint)part);
        }
    }
}

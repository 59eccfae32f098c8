using System.Text;

namespace Uet.Context.Encodings;

/// <summary>
/// Merges one piece of text into tokens by tiktoken's rule: the piece's UTF-8 bytes start as one part each; the
/// adjacent pair whose bytes make the lowest-ranked token merges, the leftmost on a tie, until no pair is a token.
/// Two adjacent parts are always tokens, so "what do they make" is a lookup of their bytes joined. A short piece
/// finds its lowest pair by a scan (as tiktoken does); a long one (a run of 200,000 letters, a page of '=') by
/// <see cref="MergeOrder"/>, in about linear time where the scan is quadratic (200,000 'a' took 13 s).
/// </summary>
internal sealed class BytePairMerger
{
    /// <summary>Pieces of more bytes than this take the merge order instead of the scan.</summary>
    public const int LongPiece = 256;

    private readonly Vocabulary _vocabulary;
    private readonly int[] _byteRanks; // The token of each single byte.
    private readonly int[] _bytePairs; // What two bytes make, by (first << 8 | second): every first pair of a piece.
    private readonly PairCache _pairs = new();

    [ThreadStatic]
    private static MergeOrder? t_order; // Reused by the long pieces of a thread, whichever the encoding.

    public BytePairMerger(Vocabulary vocabulary)
    {
        if (vocabulary.Ranks > PairCache.MaxRanks)
        {
            throw new InvalidDataException(
                $"The vocabulary has {vocabulary.Ranks:N0} ranks; at most {PairCache.MaxRanks:N0} are supported."
            );
        }
        _vocabulary = vocabulary;
        _byteRanks = new int[256];
        for (var b = 0; b < 256; b++)
        {
            _byteRanks[b] = vocabulary.Rank([(byte)b]);
            if (_byteRanks[b] == Vocabulary.None)
            {
                throw new InvalidDataException($"The vocabulary has no token for the byte {b}.");
            }
        }
        _bytePairs = new int[256 * 256];
        for (var pair = 0; pair < _bytePairs.Length; pair++)
        {
            _bytePairs[pair] = vocabulary.Rank([(byte)(pair >> 8), (byte)pair]);
        }
    }

    /// <summary>The tokens of one piece, appended to <paramref name="ids"/> when given; returns their number.</summary>
    public int Encode(ReadOnlySpan<char> piece, List<int>? ids)
    {
        var size = Encoding.UTF8.GetByteCount(piece);
        if (size > LongPiece)
        {
            var bytes = new byte[size];
            Encoding.UTF8.GetBytes(piece, bytes);
            return EncodeLong(bytes, ids);
        }
        Span<byte> utf8 = stackalloc byte[size];
        Encoding.UTF8.GetBytes(piece, utf8);
        return EncodeShort(utf8, ids);
    }

    /// <summary>tiktoken's way: a scan for the lowest pair after every merge.</summary>
    private int EncodeShort(ReadOnlySpan<byte> bytes, List<int>? ids)
    {
        var count = bytes.Length;
        Span<int> tokens = stackalloc int[count];
        Span<int> pairs = stackalloc int[count]; // pairs[i]: what tokens[i] and tokens[i + 1] make.
        for (var i = 0; i < count; i++)
        {
            tokens[i] = _byteRanks[bytes[i]];
            pairs[i] = i + 1 < count ? _bytePairs[(bytes[i] << 8) | bytes[i + 1]] : Vocabulary.None;
        }
        while (true)
        {
            var (lowest, at) = (Vocabulary.None, -1);
            for (var i = 0; i < count - 1; i++)
            {
                if (pairs[i] < lowest)
                {
                    (lowest, at) = (pairs[i], i);
                }
            }
            if (at < 0)
            {
                break;
            }
            tokens[(at + 2)..count].CopyTo(tokens[(at + 1)..]);
            pairs[(at + 2)..count].CopyTo(pairs[(at + 1)..]);
            count--;
            tokens[at] = lowest;
            pairs[at] = at + 1 < count ? Merge(lowest, tokens[at + 1]) : Vocabulary.None;
            if (at > 0)
            {
                pairs[at - 1] = Merge(tokens[at - 1], lowest);
            }
        }
        if (ids is not null)
        {
            foreach (var token in tokens[..count])
            {
                ids.Add(token);
            }
        }
        return count;
    }

    /// <summary>The same merges, the pairs handed out in order by <see cref="MergeOrder"/>.</summary>
    private int EncodeLong(byte[] bytes, List<int>? ids)
    {
        var n = bytes.Length;
        var parts = new Part[n]; // A linked list over byte offsets; a part merged away keeps Rank -1.
        var firstPairs = new int[n];
        for (var i = 0; i < n; i++)
        {
            var pairRank = i + 1 < n ? _bytePairs[(bytes[i] << 8) | bytes[i + 1]] : Vocabulary.None;
            parts[i] = new Part
            {
                Next = i + 1,
                Prev = i - 1,
                Rank = _byteRanks[bytes[i]],
                PairRank = pairRank,
            };
            firstPairs[i] = pairRank;
        }
        var order =
            t_order is { Ranks: var held } && held >= _vocabulary.Ranks
                ? t_order
                : t_order = new MergeOrder(_vocabulary.Ranks);
        order.Start(firstPairs);
        var count = n;
        while (order.TryTake(out var merged, out var left))
        {
            ref var part = ref parts[left];
            if (part.Rank < 0 || part.PairRank != merged)
            {
                continue; // Stale: this part was merged away, or its pair changed since.
            }
            ref var right = ref parts[part.Next];
            part.Rank = merged;
            right.Rank = -1;
            part.Next = right.Next;
            count--;
            if (part.Next < n)
            {
                ref var after = ref parts[part.Next];
                after.Prev = left;
                part.PairRank = Pair(order, left, merged, after.Rank);
            }
            else
            {
                part.PairRank = Vocabulary.None;
            }
            if (part.Prev >= 0)
            {
                ref var before = ref parts[part.Prev];
                before.PairRank = Pair(order, part.Prev, before.Rank, merged);
            }
        }
        if (ids is not null)
        {
            for (var i = 0; i < n; i = parts[i].Next)
            {
                ids.Add(parts[i].Rank);
            }
        }
        return count;
    }

    /// <summary>What the part at <paramref name="position"/> and the next one make, queued when they make a token.</summary>
    private int Pair(MergeOrder order, int position, int left, int right)
    {
        var merged = Merge(left, right);
        if (merged != Vocabulary.None)
        {
            order.Add(merged, position);
        }
        return merged;
    }

    /// <summary>What two adjacent tokens make: the vocabulary's answer, remembered.</summary>
    private int Merge(int left, int right)
    {
        if (_pairs.TryGet(left, right, out var merged))
        {
            return merged;
        }
        merged = _vocabulary.Merge(left, right);
        _pairs.Set(left, right, merged);
        return merged;
    }

    /// <summary>One part's links, token and next pair together: a merge touches them all, so they share a cache line.</summary>
    private struct Part
    {
        public int Next;
        public int Prev;
        public int Rank;
        public int PairRank;
    }
}

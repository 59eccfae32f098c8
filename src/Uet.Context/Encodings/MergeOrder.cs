namespace Uet.Context.Encodings;

/// <summary>
/// Hands out the pairs of a long piece in tiktoken's merge order — lowest rank first, leftmost on a tie — in
/// about constant time per pair: one bucket per rank, taken in rising rank order, each bucket's positions sorted
/// when its turn comes. That works because a merge nearly always makes pairs of a higher rank than the one being
/// merged (byte-pair vocabularies are built that way); the rare pair of a rank already passed (a token that can
/// also be cut into a later token) goes to a small heap that is always asked first, so the order stays exact.
/// The first pairs of a piece, most of all pairs, are sorted into their buckets at once (a counting sort); the pairs
/// merges make later are chained per bucket. One instance is reused for the pieces of a thread: every bucket is
/// empty again when the last pair is taken.
/// </summary>
internal sealed class MergeOrder(int ranks)
{
    private const int KeptNodes = 1 << 16; // Node arrays larger than this are let go after a piece.

    private readonly int[] _heads = new int[ranks]; // Per rank: 1 + its first node, 0 when empty.
    private readonly ulong[] _filled = new ulong[(ranks + 63) / 64]; // One bit per rank whose bucket has nodes.
    private readonly int[] _firstCounts = new int[ranks]; // Per rank: how many first pairs it has ...
    private readonly int[] _firstStarts = new int[ranks]; // ... and where they start in _firsts.
    private readonly MergeQueue _passed = new(); // Pairs of a rank not above the one being taken.
    private int[] _firsts = new int[KeptNodes]; // The positions of the first pairs, grouped by rank, rising in each group.
    private long[] _nodes = new long[KeptNodes]; // Per later pair: its position, and above it 1 + the next node of its bucket.
    private int _nodeCount;
    private int[] _bucket = new int[1024]; // The positions of the rank being taken, in order.
    private int _bucketCount;
    private int _bucketAt;
    private int _rank = -1;

    /// <summary>How many ranks it can order: 0 to Ranks - 1.</summary>
    public int Ranks => _heads.Length;

    /// <summary>The pairs of a new piece, by position: the rank each makes, <see cref="Vocabulary.None"/> for none.</summary>
    public void Start(ReadOnlySpan<int> pairRanks)
    {
        if (_firsts.Length < pairRanks.Length)
        {
            _firsts = new int[pairRanks.Length];
        }
        var used = 0;
        foreach (var rank in pairRanks)
        {
            if (rank != Vocabulary.None && _firstCounts[rank]++ == 0)
            {
                _firstStarts[rank] = used; // Only a counter for now: placed below.
                _filled[rank >> 6] |= 1UL << rank;
                used++;
            }
        }
        // Give each rank its range, in the order the ranks first appear (the ranges need no particular order).
        var ranksInOrder = new int[used];
        foreach (var rank in pairRanks)
        {
            if (rank != Vocabulary.None && _firstCounts[rank] > 0 && ranksInOrder[_firstStarts[rank]] == 0)
            {
                ranksInOrder[_firstStarts[rank]] = rank + 1;
            }
        }
        var next = 0;
        foreach (var rankPlusOne in ranksInOrder)
        {
            _firstStarts[rankPlusOne - 1] = next;
            next += _firstCounts[rankPlusOne - 1];
        }
        for (var position = 0; position < pairRanks.Length; position++)
        {
            var rank = pairRanks[position];
            if (rank != Vocabulary.None)
            {
                _firsts[_firstStarts[rank]++] = position;
            }
        }
        foreach (var rankPlusOne in ranksInOrder)
        {
            _firstStarts[rankPlusOne - 1] -= _firstCounts[rankPlusOne - 1]; // Back to the start of its range.
        }
    }

    public void Add(int pairRank, int position)
    {
        if (pairRank <= _rank)
        {
            _passed.Add(pairRank, position);
            return;
        }
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodeCount * 2);
        }
        _nodes[_nodeCount] = ((long)_heads[pairRank] << 32) | (uint)position;
        _heads[pairRank] = ++_nodeCount;
        _filled[pairRank >> 6] |= 1UL << pairRank;
    }

    /// <summary>The next pair; false when none is left, and the order is ready for the next piece.</summary>
    public bool TryTake(out int pairRank, out int position)
    {
        while (true)
        {
            var bucketLeft = _bucketAt < _bucketCount;
            if (_passed.Count > 0 && (!bucketLeft || _passed.First < MergeQueue.Pack(_rank, _bucket[_bucketAt])))
            {
                return _passed.TryTake(out pairRank, out position);
            }
            if (bucketLeft)
            {
                pairRank = _rank;
                position = _bucket[_bucketAt++];
                return true;
            }
            if (!TakeNextBucket())
            {
                Reset();
                pairRank = position = 0;
                return false;
            }
        }
    }

    private bool TakeNextBucket()
    {
        var rank = NextFilledRank(_rank + 1);
        if (rank < 0)
        {
            return false;
        }
        _filled[rank >> 6] &= ~(1UL << rank);
        _rank = rank;
        var firsts = _firstCounts[rank];
        _bucketAt = 0;
        _bucketCount = firsts;
        EnsureBucket(firsts);
        _firsts.AsSpan(_firstStarts[rank], firsts).CopyTo(_bucket);
        _firstCounts[rank] = 0;
        for (var node = _heads[rank]; node != 0; node = (int)(_nodes[node - 1] >> 32))
        {
            EnsureBucket(_bucketCount + 1);
            _bucket[_bucketCount++] = (int)_nodes[node - 1];
        }
        _heads[rank] = 0;
        var later = _bucket.AsSpan(firsts, _bucketCount - firsts);
        if (later.Length > 0)
        {
            later.Reverse(); // Chained last first; added mostly left to right.
            var positions = _bucket.AsSpan(0, _bucketCount);
            if (!IsAscending(positions))
            {
                positions.Sort();
            }
        }
        return true;
    }

    private void EnsureBucket(int size)
    {
        if (_bucket.Length < size)
        {
            Array.Resize(ref _bucket, Math.Max(size, _bucket.Length * 2));
        }
    }

    private int NextFilledRank(int from)
    {
        for (var word = from >> 6; word < _filled.Length; word++)
        {
            var bits = _filled[word];
            if (word == from >> 6)
            {
                bits &= ~0UL << (from & 63);
            }
            if (bits != 0)
            {
                return (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }
        }
        return -1;
    }

    private static bool IsAscending(ReadOnlySpan<int> positions)
    {
        for (var i = 1; i < positions.Length; i++)
        {
            if (positions[i] < positions[i - 1])
            {
                return false;
            }
        }
        return true;
    }

    private void Reset()
    {
        _nodeCount = 0;
        _rank = -1;
        _bucketCount = _bucketAt = 0;
        if (_nodes.Length > KeptNodes)
        {
            _nodes = new long[KeptNodes];
        }
        if (_firsts.Length > KeptNodes)
        {
            _firsts = new int[KeptNodes];
        }
    }
}

namespace Uet.Context.Encodings;

/// <summary>
/// A binary min-heap of (pair rank, position) packed in one long, so that the lowest rank comes first and the
/// leftmost position on a tie: tiktoken's merge order. Plain longs compare and move faster than the
/// (element, priority) tuples of <see cref="PriorityQueue{TElement, TPriority}"/>.
/// </summary>
internal sealed class MergeQueue
{
    private long[] _heap = new long[16];
    private int _count;

    public int Count => _count;

    /// <summary>The first item, packed as <see cref="Pack"/> does; the queue must not be empty.</summary>
    public long First => _heap[0];

    public static long Pack(int pairRank, int position) => ((long)pairRank << 32) | (uint)position;

    public void Add(int pairRank, int position)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }
        var item = Pack(pairRank, position);
        var at = _count++;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (_heap[parent] <= item)
            {
                break;
            }
            _heap[at] = _heap[parent];
            at = parent;
        }
        _heap[at] = item;
    }

    public bool TryTake(out int pairRank, out int position)
    {
        if (_count == 0)
        {
            pairRank = position = 0;
            return false;
        }
        var top = _heap[0];
        var last = _heap[--_count];
        if (_count > 0)
        {
            SiftDown(last);
        }
        pairRank = (int)(top >> 32);
        position = (int)top;
        return true;
    }

    private void SiftDown(long item)
    {
        var at = 0;
        while (true)
        {
            var child = (at << 1) + 1;
            if (child >= _count)
            {
                break;
            }
            if (child + 1 < _count && _heap[child + 1] < _heap[child])
            {
                child++;
            }
            if (item <= _heap[child])
            {
                break;
            }
            _heap[at] = _heap[child];
            at = child;
        }
        _heap[at] = item;
    }
}

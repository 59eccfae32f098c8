namespace Uet.Context.Encodings;

/// <summary>
/// What pairs of tokens merged into, remembered in a direct-mapped table of 65,536 entries (512 KB, cache-friendly):
/// a merge asks about two or three pairs, and text repeats its pairs (a run of '=' has a handful). Each entry is one
/// 64-bit word holding the pair and its answer, so threads can share the table without locks: a word is written
/// and read whole, and an entry that another pair overwrote is simply a miss.
/// </summary>
internal sealed class PairCache
{
    /// <summary>Ranks and the answer take 20 bits each.</summary>
    public const int MaxRanks = (1 << 20) - 1;

    private const ulong Filled = 1UL << 63;
    private const int NoneStored = MaxRanks; // Vocabulary.None, in 20 bits.

    private readonly ulong[] _entries = new ulong[1 << 16];

    public bool TryGet(int left, int right, out int merged)
    {
        var key = Key(left, right);
        var entry = Volatile.Read(ref _entries[Slot(key)]);
        if (entry != 0 && ((entry >> 20) & ((1UL << 40) - 1)) == key)
        {
            var stored = (int)(entry & MaxRanks);
            merged = stored == NoneStored ? Vocabulary.None : stored;
            return true;
        }
        merged = 0;
        return false;
    }

    public void Set(int left, int right, int merged)
    {
        var key = Key(left, right);
        var stored = merged == Vocabulary.None ? NoneStored : merged;
        Volatile.Write(ref _entries[Slot(key)], Filled | (key << 20) | (uint)stored);
    }

    private static ulong Key(int left, int right) => ((ulong)left << 20) | (uint)right;

    private static int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 48);
}

using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;

namespace Uet.Context.Encodings;

/// <summary>
/// A byte-pair vocabulary: every token's bytes by rank, and the rank of any byte string that is a token, found in
/// an open-addressing table (hash and rank in one slot, the bytes compared only when the hashes agree).
/// </summary>
internal sealed class Vocabulary
{
    /// <summary>What <see cref="Rank"/> and <see cref="Merge"/> return for bytes that are no token.</summary>
    public const int None = int.MaxValue;

    private readonly byte[] _bytes; // Every token's bytes, one after another.
    private readonly int[] _starts; // By rank: where the token starts in _bytes ...
    private readonly int[] _lengths; // ... and how long it is (0 for a rank no token has).
    private readonly ulong[] _slots; // Hash in the high half, 1 + rank in the low half; 0 is an empty slot.
    private readonly int _mask;

    private Vocabulary(byte[] bytes, int[] starts, int[] lengths)
    {
        _bytes = bytes;
        _starts = starts;
        _lengths = lengths;
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, lengths.Length * 2));
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        for (var rank = 0; rank < lengths.Length; rank++)
        {
            if (lengths[rank] > 0)
            {
                var hash = Hash(Token(rank));
                var slot = (int)hash & _mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & _mask;
                }
                _slots[slot] = ((ulong)hash << 32) | (uint)(rank + 1);
            }
        }
    }

    /// <summary>One more than the highest rank.</summary>
    public int Ranks => _lengths.Length;

    /// <summary>
    /// Reads a vocabulary as the data packages hold it: a "Capacity: N" line, then one base64 token a line, whose
    /// rank is its line number; the .tiktoken form "BASE64 RANK" is read too.
    /// </summary>
    public static Vocabulary Load(Stream source, int sizeHint = 0)
    {
        // Read whole, in one buffer when the hint is right: the vocabulary is a few megabytes, read once a process.
        using var buffer = new MemoryStream(sizeHint);
        source.CopyTo(buffer);
        var text = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var bytes = new byte[text.Length * 3 / 4]; // Base64 decodes to three quarters of its length, at most.
        var starts = new List<int>(sizeHint / 8);
        var lengths = new List<int>(sizeHint / 8);
        var (used, next) = (0, 0);
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range].TrimEnd((byte)'\r');
            if (line.IsEmpty || line.Contains((byte)':'))
            {
                continue; // The capacity header.
            }
            var space = line.IndexOf((byte)' ');
            var rank = space < 0 ? next : int.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            if (
                Base64.DecodeFromUtf8(space < 0 ? line : line[..space], bytes.AsSpan(used), out _, out var written)
                != OperationStatus.Done
            )
            {
                throw new InvalidDataException(
                    $"The vocabulary has a line that is not base64: {System.Text.Encoding.ASCII.GetString(line)}"
                );
            }
            while (starts.Count <= rank)
            {
                starts.Add(0);
                lengths.Add(0); // A rank no line gives stays empty: no token has it.
            }
            (starts[rank], lengths[rank]) = (used, written);
            used += written;
            next = rank + 1;
        }
        Array.Resize(ref bytes, used);
        return new Vocabulary(bytes, [.. starts], [.. lengths]);
    }

    public ReadOnlySpan<byte> Token(int rank) => _bytes.AsSpan(_starts[rank], _lengths[rank]);

    /// <summary>The rank of the token these bytes are, or <see cref="None"/>.</summary>
    public int Rank(ReadOnlySpan<byte> bytes)
    {
        var hash = Hash(bytes);
        for (var slot = (int)hash & _mask; ; slot = (slot + 1) & _mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return None;
            }
            var rank = (int)(uint)entry - 1;
            if ((uint)(entry >> 32) == hash && Token(rank).SequenceEqual(bytes))
            {
                return rank;
            }
        }
    }

    /// <summary>The rank of the token two adjacent tokens make together, or <see cref="None"/>.</summary>
    public int Merge(int left, int right)
    {
        var first = Token(left);
        var second = Token(right);
        Span<byte> both = stackalloc byte[first.Length + second.Length]; // Tokens are at most a few hundred bytes.
        first.CopyTo(both);
        second.CopyTo(both[first.Length..]);
        return Rank(both);
    }

    /// <summary>A hash of a short byte string, eight bytes at a time.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        for (; bytes.Length >= 8; bytes = bytes[8..])
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL;
            hash ^= hash >> 32;
        }
        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }
        hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
        return (uint)(hash ^ (hash >> 29));
    }
}

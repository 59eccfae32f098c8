using System.Text;

namespace Uet.Context.Encodings;

/// <summary>
/// Byte-pair merging for long pieces (a run of 200,000 letters, a page of '=' or of spaces), in O(n log n): the
/// merge loop of ML.Tokenizers and tiktoken is quadratic in the piece's length (200,000 'a' took 13 s). The rule is
/// tiktoken's: merge the adjacent pair of lowest rank, the leftmost one on a tie, until no pair is in the
/// vocabulary; a priority queue keyed (rank, position) finds that pair each time, so the result is the same.
/// </summary>
internal sealed class LongPieceEncoder
{
    private readonly Dictionary<string, int> _ranks;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private LongPieceEncoder(Dictionary<string, int> ranks)
    {
        _ranks = ranks;
        _lookup = ranks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Reads a vocabulary as the data packages hold it: a "Capacity: N" line, then one base64 token a line, whose
    /// rank is its line number; the .tiktoken form "BASE64 RANK" is read too. Keys are the bytes as Latin-1 text.
    /// </summary>
    public static LongPieceEncoder Load(Stream vocabulary)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
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
        return new LongPieceEncoder(ranks);
    }

    /// <summary>The ids of one piece (its UTF-8 bytes), appended to <paramref name="ids"/> when given; returns their number.</summary>
    public int Encode(string piece, List<int>? ids)
    {
        var bytes = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(piece));
        var n = bytes.Length;
        // Parts as a linked list over byte offsets: part i spans [start[i], start[next[i]]).
        var next = new int[n + 1];
        var prev = new int[n + 1];
        var pairRank = new int[n + 1];
        for (var i = 0; i <= n; i++)
        {
            next[i] = i + 1;
            prev[i] = i - 1;
        }
        var queue = new PriorityQueue<int, (int Rank, int Position)>();
        for (var i = 0; i + 1 < n; i++)
        {
            pairRank[i] = Rank(bytes, i, next[next[i]]);
            if (pairRank[i] != int.MaxValue)
            {
                queue.Enqueue(i, (pairRank[i], i));
            }
        }
        pairRank[Math.Max(0, n - 1)] = int.MaxValue;
        var alive = new bool[n + 1];
        Array.Fill(alive, true);
        var parts = n;
        while (queue.TryDequeue(out var left, out var key))
        {
            if (!alive[left] || pairRank[left] != key.Rank)
            {
                continue; // Stale: this part was merged away, or its pair changed since.
            }
            var right = next[left];
            alive[right] = false;
            next[left] = next[right];
            prev[next[right]] = left;
            parts--;
            pairRank[left] = next[left] < n ? Rank(bytes, left, next[next[left]]) : int.MaxValue;
            if (pairRank[left] != int.MaxValue)
            {
                queue.Enqueue(left, (pairRank[left], left));
            }
            if (prev[left] >= 0)
            {
                var before = prev[left];
                pairRank[before] = Rank(bytes, before, next[left]);
                if (pairRank[before] != int.MaxValue)
                {
                    queue.Enqueue(before, (pairRank[before], before));
                }
            }
        }
        if (ids is not null)
        {
            for (var i = 0; i < n; i = next[i])
            {
                ids.Add(Rank(bytes, i, next[i]));
            }
        }
        return parts;
    }

    private int Rank(string bytes, int start, int end) =>
        end <= bytes.Length && _lookup.TryGetValue(bytes.AsSpan(start, end - start), out var rank) ? rank : int.MaxValue;
}

namespace Uet.Context.Encodings;

/// <summary>
/// Counts and encodes text exactly as tiktoken's ordinary encoding does: the text is cut into pieces over code
/// points (<see cref="CodePointPreTokenizer"/>), and each piece is merged into tokens (<see cref="BytePairMerger"/>).
/// Counts of pieces seen before come from <see cref="PieceCounts"/>.
/// </summary>
public sealed class ExactTokenizer : ITextCounter
{
    private readonly CodePointPreTokenizer _pieces;
    private readonly BytePairMerger _merger;
    private readonly PieceCounts _known = new();
    private readonly Func<ReadOnlySpan<char>, int> _count;

    internal ExactTokenizer(CodePointPreTokenizer pieces, BytePairMerger merger)
    {
        _pieces = pieces;
        _merger = merger;
        _count = piece => _merger.Encode(piece, ids: null);
    }

    public int CountTokens(string text)
    {
        var count = 0;
        foreach (var (offset, length) in _pieces.Split(text))
        {
            count += _known.GetOrCount(text.AsSpan(offset, length), _count);
        }
        return count;
    }

    int ITextCounter.Count(string text) => CountTokens(text);

    /// <summary>True: <see cref="CountLines"/> counts the same pieces as <see cref="CountTokens"/>.</summary>
    public bool LinesAddUp => true;

    /// <summary>
    /// The tokens of each line (as <see cref="Lines.Of"/> cuts them), in one pass: a piece counts for the line it
    /// starts on, so the lines add up to exactly the text's count.
    /// </summary>
    public int[] CountLines(string text)
    {
        var ends = new List<int>(); // The offset just past each line; the lines themselves are not copied.
        for (var start = 0; start < text.Length; start = ends[^1])
        {
            var newline = text.IndexOf('\n', start);
            ends.Add(newline < 0 ? text.Length : newline + 1);
        }
        var counts = new int[ends.Count];
        var current = 0;
        foreach (var (offset, length) in _pieces.Split(text))
        {
            while (offset >= ends[current])
            {
                current++;
            }
            counts[current] += _known.GetOrCount(text.AsSpan(offset, length), _count);
        }
        return counts;
    }

    public IReadOnlyList<int> EncodeToIds(string text)
    {
        var ids = new List<int>();
        foreach (var (offset, length) in _pieces.Split(text))
        {
            _merger.Encode(text.AsSpan(offset, length), ids);
        }
        return ids;
    }
}

using Microsoft.ML.Tokenizers;

namespace Uet.Context.Encodings;

/// <summary>
/// Counts and encodes text exactly as tiktoken's ordinary encoding does: the text is cut into pieces over code
/// points (<see cref="CodePointPreTokenizer"/>), and each piece is merged by ML.Tokenizers, or, when it is longer
/// than <see cref="LongPiece"/> characters, by <see cref="LongPieceEncoder"/>, whose merge is not quadratic.
/// </summary>
public sealed class ExactTokenizer : ITextCounter
{
    /// <summary>Pieces longer than this (a run of one letter, of '=' or of spaces) take the O(n log n) merge.</summary>
    public const int LongPiece = 256;

    private readonly CodePointPreTokenizer _pieces;
    private readonly Tokenizer _merger;
    private readonly Lazy<LongPieceEncoder> _longPieces;

    internal ExactTokenizer(CodePointPreTokenizer pieces, Tokenizer merger, Func<LongPieceEncoder> longPieces)
    {
        _pieces = pieces;
        _merger = merger;
        _longPieces = new Lazy<LongPieceEncoder>(longPieces);
    }

    public int CountTokens(string text)
    {
        var count = 0;
        foreach (var (offset, length) in _pieces.PreTokenize(text))
        {
            count += CountPiece(text, offset, length);
        }
        return count;
    }

    int ITextCounter.Count(string text) => CountTokens(text);

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
        foreach (var (offset, length) in _pieces.PreTokenize(text))
        {
            while (offset >= ends[current])
            {
                current++;
            }
            counts[current] += CountPiece(text, offset, length);
        }
        return counts;
    }

    private int CountPiece(string text, int offset, int length) => length > LongPiece
        ? _longPieces.Value.Encode(text.Substring(offset, length), ids: null)
        : _merger.CountTokens(text.AsSpan(offset, length));

    public IReadOnlyList<int> EncodeToIds(string text)
    {
        var ids = new List<int>();
        foreach (var (offset, length) in _pieces.PreTokenize(text))
        {
            if (length > LongPiece)
            {
                _longPieces.Value.Encode(text.Substring(offset, length), ids);
            }
            else
            {
                ids.AddRange(_merger.EncodeToIds(text.AsSpan(offset, length)));
            }
        }
        return ids;
    }
}

using Microsoft.ML.Tokenizers;

namespace Uet.Context.Encodings;

/// <summary>Leaves the text whole: for encoding one piece that <see cref="CodePointPreTokenizer"/> already cut.</summary>
internal sealed class WholeTextPreTokenizer : PreTokenizer
{
    public static WholeTextPreTokenizer Instance { get; } = new();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) =>
        string.IsNullOrEmpty(text) ? [] : [(0, text.Length)];

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) =>
        text.IsEmpty ? [] : [(0, text.Length)];
}

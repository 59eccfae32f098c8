using Uet.Validation.Diagnostics;

namespace Uet.Validation.Documents;

/// <summary>Maps byte offsets of a UTF-8 text to 1-based lines and character columns.</summary>
internal sealed class LineIndex
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        var span = utf8.Span;
        for (int offset = 0; ; )
        {
            var next = span[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            _lineStarts.Add(offset);
        }
    }

    public TextPosition PositionOf(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var start = _lineStarts[line];
        return new TextPosition(line + 1, CountCharacters(_utf8.Span[start..offset]) + 1);
    }

    /// <summary>The position of <paramref name="bytePositionInLine"/> on the 0-based line <paramref name="line"/> (as System.Text.Json reports errors).</summary>
    public TextPosition PositionOf(long line, long bytePositionInLine)
    {
        var index = (int)Math.Clamp(line, 0, _lineStarts.Count - 1);
        return PositionOf(_lineStarts[index] + bytePositionInLine);
    }

    private static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++; // continuation bytes belong to the character before them
            }
        }
        return count;
    }
}

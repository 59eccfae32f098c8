using System.Text;
using System.Text.Unicode;

namespace Uet.Validation.Documents;

/// <summary>
/// Turns a file's bytes into BOM-less UTF-8, the one encoding the parsers and the position index work on.
/// UTF-16 and UTF-32 are recognised by their byte order mark, UTF-16 also by its zero bytes.
/// </summary>
internal static class TextDecoder
{
    public static bool TryGetUtf8(byte[] raw, out ReadOnlyMemory<byte> utf8, out string? error)
    {
        error = null;
        var encoding = DetectWideEncoding(raw, out var bomLength);
        if (encoding is not null)
        {
            try
            {
                var strict = (Encoding)encoding.Clone();
                strict.DecoderFallback = DecoderFallback.ExceptionFallback;
                utf8 = Encoding.UTF8.GetBytes(strict.GetString(raw, bomLength, raw.Length - bomLength));
                return true;
            }
            catch (DecoderFallbackException)
            {
                utf8 = default;
                error = $"the file looks like {encoding.WebName} but does not decode as such";
                return false;
            }
        }

        var start = raw.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        utf8 = raw.AsMemory(start);
        if (!Utf8.IsValid(utf8.Span))
        {
            error = "the file is not valid UTF-8 (save it as UTF-8, or as UTF-16 with a byte order mark)";
            return false;
        }
        return true;
    }

    private static Encoding? DetectWideEncoding(byte[] raw, out int bomLength)
    {
        ReadOnlySpan<byte> span = raw;
        bomLength = 4;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: true);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        }

        bomLength = 2;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        }

        bomLength = 0;
        // Without a BOM, JSON and YAML start with ASCII, so a zero byte beside it gives UTF-16 away.
        if (span.Length >= 2 && span[0] == 0 && span[1] != 0)
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        }

        if (span.Length >= 2 && span[0] != 0 && span[1] == 0)
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        }

        return null;
    }
}

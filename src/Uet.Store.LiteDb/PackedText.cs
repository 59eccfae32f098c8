using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Uet.Store.LiteDb;

/// <summary>
/// Long texts of a payload (stack traces, test output) are stored Brotli-compressed, as binary values: they are
/// most of what a run writes, repeat themselves (the same frames again and again) and shrink about tenfold, and
/// every byte LiteDB writes costs the test process several times that in page buffers. <see cref="PayloadBson"/>
/// packs them on the way in and unpacks them on the way out, so no reader ever sees the binary form; the store
/// keeps no other binary values.
/// </summary>
internal static class PackedText
{
    /// <summary>Shorter texts are not worth compressing.</summary>
    public const int MinLength = 1024;

    // Brotli quality 1: about 40 ms of CPU for 18 MB of stack traces, packed to 1.3 MB.
    private const int Quality = 1;
    private const int Window = 22;

    /// <summary>The UTF-8 length (4 bytes, little endian), then the Brotli stream.</summary>
    public static byte[] Compress(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var buffer = new byte[4 + BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, utf8.Length);
        if (!BrotliEncoder.TryCompress(utf8, buffer.AsSpan(4), out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress a text into its own maximum size");
        }
        return buffer[..(4 + written)];
    }

    public static string Decompress(byte[] packed)
    {
        var utf8 = new byte[BinaryPrimitives.ReadInt32LittleEndian(packed)];
        if (!BrotliDecoder.TryDecompress(packed.AsSpan(4), utf8, out var written) || written != utf8.Length)
        {
            throw new InvalidDataException("a packed text of the store does not decompress to its recorded length");
        }
        return Encoding.UTF8.GetString(utf8);
    }
}

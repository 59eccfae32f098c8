using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using LiteDB;

namespace Uet.Core.Store;

/// <summary>
/// Long texts of a payload (stack traces, test output) are stored Brotli-compressed, as binary values: they are
/// most of what a run writes, repeat themselves (the same frames again and again) and shrink about tenfold, and
/// every byte LiteDB writes costs the test process several times that in page buffers. Events are packed on the
/// way in and unpacked on the way out, so no reader ever sees the binary form; Uet stores no other binary values.
/// </summary>
internal static class PackedText
{
    /// <summary>Shorter texts are not worth compressing.</summary>
    public const int MinLength = 1024;

    // Brotli quality 1: about 40 ms of CPU for 18 MB of stack traces, packed to 1.3 MB.
    private const int Quality = 1;
    private const int Window = 22;

    /// <summary>The value with its long texts packed; the same instance when it has none.</summary>
    public static BsonValue Pack(BsonValue value) =>
        value.Type switch
        {
            BsonType.String when value.AsString.Length >= MinLength => new BsonValue(Compress(value.AsString)),
            BsonType.Document => Pack(value.AsDocument),
            BsonType.Array => Pack(value.AsArray),
            _ => value,
        };

    public static BsonDocument Pack(BsonDocument document)
    {
        BsonDocument? copy = null;
        foreach (var (name, value) in document)
        {
            var packed = Pack(value);
            if (!ReferenceEquals(packed, value) && copy is null)
            {
                copy = new BsonDocument(document); // Copied on the first change only: most documents have none.
            }
            if (copy is not null)
            {
                copy[name] = packed;
            }
        }
        return copy ?? document;
    }

    /// <summary>The value with every packed text unpacked.</summary>
    public static BsonValue Unpack(BsonValue value) =>
        value.Type switch
        {
            BsonType.Binary => new BsonValue(Decompress(value.AsBinary)),
            BsonType.Document => Unpack(value.AsDocument),
            BsonType.Array => new BsonArray(value.AsArray.Select(Unpack)),
            _ => value,
        };

    public static BsonDocument Unpack(BsonDocument document)
    {
        var result = new BsonDocument();
        foreach (var (name, value) in document)
        {
            result[name] = Unpack(value);
        }
        return result;
    }

    private static BsonArray Pack(BsonArray array)
    {
        BsonArray? copy = null;
        for (var i = 0; i < array.Count; i++)
        {
            var packed = Pack(array[i]);
            if (!ReferenceEquals(packed, array[i]) && copy is null)
            {
                copy = new BsonArray(array.Take(i));
            }
            copy?.Add(packed);
        }
        return copy ?? array;
    }

    /// <summary>The UTF-8 length (4 bytes, little endian), then the Brotli stream.</summary>
    private static byte[] Compress(string text)
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

    private static string Decompress(byte[] packed)
    {
        var utf8 = new byte[BinaryPrimitives.ReadInt32LittleEndian(packed)];
        if (!BrotliDecoder.TryDecompress(packed.AsSpan(4), utf8, out var written) || written != utf8.Length)
        {
            throw new InvalidDataException("a packed text of the store does not decompress to its recorded length");
        }
        return Encoding.UTF8.GetString(utf8);
    }
}

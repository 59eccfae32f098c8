using System.Collections.Concurrent;
using System.IO.Compression;
using System.Reflection;

namespace Uet.Context.Encodings;

/// <summary>
/// One tokenizer per encoding and process, made on first use and shared: the vocabulary of the ML.Tokenizers data
/// package (100,000 to 200,000 tokens) read once. No special tokens: text such as a literal "&lt;|endoftext|&gt;" in
/// a file is counted as the ordinary text it is, as tiktoken's encode_ordinary does.
/// </summary>
public static class Tokenizers
{
    private static readonly ConcurrentDictionary<string, Lazy<ExactTokenizer>> Made = new();

    public static ExactTokenizer For(TiktokenEncoding encoding) =>
        Made.GetOrAdd(encoding.Name, _ => new Lazy<ExactTokenizer>(() => Create(encoding))).Value;

    /// <summary>
    /// Makes the tokenizer on a thread-pool thread (25-50 ms, and the code compiled), so that the first count on a
    /// hot path finds it ready; <see cref="For"/> waits for it when called before it is done.
    /// </summary>
    public static Task Prepare(TiktokenEncoding encoding) => Task.Run(() => For(encoding).CountTokens("Prepared."));

    private static ExactTokenizer Create(TiktokenEncoding encoding)
    {
        var (vocabulary, packedSize) = OpenVocabulary(encoding);
        using (vocabulary)
        {
            // Base64 lines of short tokens pack to about half: twice the packed size holds them in one buffer.
            return new ExactTokenizer(
                new CodePointPreTokenizer(Patterns.For(encoding)),
                new BytePairMerger(Vocabulary.Load(vocabulary, (int)(packedSize * 2.5)))
            );
        }
    }

    private static (DeflateStream Stream, long PackedSize) OpenVocabulary(TiktokenEncoding encoding)
    {
        var packed = Assembly.Load(encoding.DataAssembly).GetManifestResourceStream(encoding.Resource)
            ?? throw new InvalidOperationException($"{encoding.DataAssembly} has no resource {encoding.Resource}");
        return (new DeflateStream(packed, CompressionMode.Decompress), packed.Length);
    }
}

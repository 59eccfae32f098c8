using System.Collections.Concurrent;
using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;

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
        var pattern = new Regex(encoding.Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        using var vocabulary = OpenVocabulary(encoding);
        return new ExactTokenizer(new CodePointPreTokenizer(pattern), new BytePairMerger(Vocabulary.Load(vocabulary)));
    }

    private static DeflateStream OpenVocabulary(TiktokenEncoding encoding)
    {
        var packed = Assembly.Load(encoding.DataAssembly).GetManifestResourceStream(encoding.Resource)
            ?? throw new InvalidOperationException($"{encoding.DataAssembly} has no resource {encoding.Resource}");
        return new DeflateStream(packed, CompressionMode.Decompress);
    }
}

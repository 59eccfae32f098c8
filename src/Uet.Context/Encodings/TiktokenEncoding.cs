namespace Uet.Context.Encodings;

/// <summary>
/// One of OpenAI's byte-pair encodings: its name, the pattern that splits text into pieces before merging (as
/// ML.Tokenizers and tiktoken define it) and where its vocabulary is (a resource of the data package).
/// </summary>
public sealed record TiktokenEncoding(string Name, string Pattern, string DataAssembly, string Resource)
{
    public static TiktokenEncoding Cl100kBase { get; } =
        new(
            "cl100k_base",
            @"'(?i:[sdmt]|ll|ve|re)|(?>[^\r\n\p{L}\p{N}]?)(?>\p{L}+)|(?>\p{N}{1,3})| ?(?>[^\s\p{L}\p{N}]+)(?>[\r\n]*)|(?>\s+)$|\s*[\r\n]|\s+(?!\S)|\s",
            "Microsoft.ML.Tokenizers.Data.Cl100kBase",
            "cl100k_base.tiktoken.deflate"
        );

    public static TiktokenEncoding O200kBase { get; } =
        new(
            "o200k_base",
            @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+",
            "Microsoft.ML.Tokenizers.Data.O200kBase",
            "o200k_base.tiktoken.deflate"
        );

    public static IReadOnlyList<TiktokenEncoding> All { get; } = [Cl100kBase, O200kBase];
}

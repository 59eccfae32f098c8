using Uet.Context.Encodings;

namespace Uet.Context.Models;

/// <summary>
/// Model names to encodings and context windows. A model name matches the longest family prefix that it starts
/// with (case-insensitive), so "gpt-4o-mini" is gpt-4o, not gpt-4. Unknown OpenAI names fall back to o200k (the
/// encoding of every OpenAI model since gpt-4o); other families (Claude, Gemini, Llama, Mistral, ...) have no
/// local tokenizer and are estimated. docs/tokens.md lists the table.
/// </summary>
public sealed class ModelRegistry(IReadOnlyList<ModelFamily> families)
{
    public static IReadOnlyList<ModelFamily> BuiltIn { get; } =
    [
        new("gpt-5", TiktokenEncoding.O200kBase, 400_000),
        new("gpt-4.1", TiktokenEncoding.O200kBase, 1_047_576),
        new("gpt-4o", TiktokenEncoding.O200kBase, 128_000),
        new("chatgpt-4o", TiktokenEncoding.O200kBase, 128_000),
        new("o1", TiktokenEncoding.O200kBase, 200_000),
        new("o3", TiktokenEncoding.O200kBase, 200_000),
        new("o4", TiktokenEncoding.O200kBase, 200_000),
        new("gpt-4-turbo", TiktokenEncoding.Cl100kBase, 128_000),
        new("gpt-4-32k", TiktokenEncoding.Cl100kBase, 32_768),
        new("gpt-4", TiktokenEncoding.Cl100kBase, 8_192),
        new("gpt-3.5-turbo", TiktokenEncoding.Cl100kBase, 16_385),
        new("text-embedding-3", TiktokenEncoding.Cl100kBase, 8_191),
        new("claude", null, 200_000),
        new("gemini", null, 1_048_576),
        new("llama", null, 128_000),
        new("mistral", null, 128_000),
        new("mixtral", null, 32_768),
        new("deepseek", null, 128_000),
        new("qwen", null, 128_000),
    ];

    /// <summary>Names that look like OpenAI's ("gpt-…", "o5…", "chatgpt-…") and match no family: o200k.</summary>
    private static readonly string[] OpenAiPrefixes = ["gpt-", "chatgpt-", "o"];

    public static ModelRegistry Default { get; } = new(BuiltIn);

    public ModelInfo Find(string model)
    {
        var name = model.Trim();
        // The longest prefix; on a tie the later family (a model table's over the built-in one).
        var family = families
            .Where(f => name.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase))
            .Reverse()
            .MaxBy(f => f.Prefix.Length);
        if (family is not null)
        {
            return new ModelInfo(name, family.Encoding, family.ContextWindow);
        }
        return LooksLikeOpenAi(name)
            ? new ModelInfo(name, TiktokenEncoding.O200kBase, 128_000)
            : new ModelInfo(name, null, 128_000);
    }

    private static bool LooksLikeOpenAi(string name) =>
        OpenAiPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        && (!name.StartsWith('o') || (name.Length > 1 && char.IsAsciiDigit(name[1])));
}

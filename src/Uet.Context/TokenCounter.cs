using Uet.Context.Encodings;
using Uet.Context.Models;

namespace Uet.Context;

/// <summary>
/// Counts tokens the way a model's own tokenizer does. For OpenAI models the count equals tiktoken's ordinary
/// encoding exactly. For models without a local tokenizer (Claude, Gemini, Llama, ...) it is an estimate that errs
/// high: the o200k count plus <see cref="EstimateMargin"/>, never more than the text's UTF-8 bytes (no byte-level
/// tokenizer makes more tokens than bytes).
/// </summary>
public sealed class TokenCounter(ModelRegistry models)
{
    /// <summary>
    /// The margin over o200k for models without a local tokenizer. Not measured here (their tokenizers are not
    /// available offline): chosen above the gaps published for Claude's and Llama's tokenizers on English and code.
    /// </summary>
    public const double EstimateMargin = 0.25;

    public static TokenCounter Default { get; } = new(ModelRegistry.Default);

    /// <summary>A counter for fitting texts to the model: its exact tokenizer, or the estimate.</summary>
    public ITextCounter For(string model) =>
        models.Find(model).Encoding is { } encoding
            ? Tokenizers.For(encoding)
            : new FunctionCounter(text => Count(text, model).Tokens);

    public TokenCount Count(string text, string model)
    {
        var info = models.Find(model);
        if (info.Encoding is { } encoding)
        {
            return new TokenCount(Tokenizers.For(encoding).CountTokens(text), IsEstimate: false, encoding.Name);
        }
        var o200k = Tokenizers.For(TiktokenEncoding.O200kBase).CountTokens(text);
        var estimate = (int)Math.Ceiling(o200k * (1 + EstimateMargin));
        return new TokenCount(
            Math.Min(estimate, System.Text.Encoding.UTF8.GetByteCount(text)),
            IsEstimate: true,
            $"estimate from o200k_base + {EstimateMargin * 100:0}%"
        );
    }
}

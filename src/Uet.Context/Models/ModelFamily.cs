using Uet.Context.Encodings;

namespace Uet.Context.Models;

/// <summary>Model names starting with <paramref name="Prefix"/>: their encoding (null: no local tokenizer) and context window.</summary>
public sealed record ModelFamily(string Prefix, TiktokenEncoding? Encoding, int ContextWindow);

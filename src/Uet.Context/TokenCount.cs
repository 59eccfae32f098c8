namespace Uet.Context;

/// <summary>A token count: exact for models with a local encoding, otherwise a documented overestimate.</summary>
public readonly record struct TokenCount(int Tokens, bool IsEstimate, string Basis);

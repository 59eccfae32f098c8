using Uet.Context.Encodings;

namespace Uet.Context.Models;

/// <summary>
/// What Uet knows of a model: its encoding when it has a local one (then counts are exact), and its context
/// window in tokens. A model without a local encoding is counted by <see cref="TokenCounter"/>'s estimate.
/// </summary>
public sealed record ModelInfo(string Name, TiktokenEncoding? Encoding, int ContextWindow)
{
    public bool IsExact => Encoding is not null;
}

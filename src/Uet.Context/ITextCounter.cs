namespace Uet.Context;

/// <summary>Counts tokens of a text, and of each of its lines at once (what fitting and chunking need).</summary>
public interface ITextCounter
{
    int Count(string text);

    /// <summary>The tokens of each '\n'-separated line (a line with its '\n'); they add up to about the text's count.</summary>
    int[] CountLines(string text);
}

/// <summary>An <see cref="ITextCounter"/> over any counting function, one call a line.</summary>
public sealed class FunctionCounter(Func<string, int> count) : ITextCounter
{
    public int Count(string text) => count(text);

    public int[] CountLines(string text) => [.. Lines.Of(text).Select(count)];
}

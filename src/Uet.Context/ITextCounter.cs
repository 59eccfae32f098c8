namespace Uet.Context;

/// <summary>Counts tokens of a text, and of each of its lines at once (what fitting and chunking need).</summary>
public interface ITextCounter
{
    int Count(string text);

    /// <summary>The tokens of each '\n'-separated line (a line with its '\n'); they add up to about the text's count.</summary>
    int[] CountLines(string text);

    /// <summary>
    /// True when the counts of <see cref="CountLines"/> add up to exactly the text's count, so that a text need not
    /// be counted again as a whole.
    /// </summary>
    bool LinesAddUp { get; }
}

/// <summary>An <see cref="ITextCounter"/> over any counting function, one call a line.</summary>
public sealed class FunctionCounter(Func<string, int> count) : ITextCounter
{
    public int Count(string text) => count(text);

    public int[] CountLines(string text) => [.. Lines.Of(text).Select(count)];

    public bool LinesAddUp => false;
}

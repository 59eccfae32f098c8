namespace Uet.Context;

/// <summary>The lines of a text, each with its '\n' (the last one without, when the text does not end with one).</summary>
public static class Lines
{
    public static IEnumerable<string> Of(string text)
    {
        for (var start = 0; start < text.Length; )
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }
}

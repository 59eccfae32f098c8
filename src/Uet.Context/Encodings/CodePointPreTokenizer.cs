using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Uet.Context.Encodings;

/// <summary>
/// Splits text into the pieces an encoding's pattern defines, the way tiktoken does: over code points. .NET's
/// Regex sees a character outside the Basic Multilingual Plane as two surrogates of category Cs
/// (dotnet/runtime#36425), so "𝟏𝟐𝟑" would not match \p{N}{1,3}. When the text has surrogates, the pattern runs
/// on a proxy with one character per code point — each astral code point replaced by a BMP character of the
/// same Unicode category — and the pieces are mapped back to the original text.
/// </summary>
internal sealed class CodePointPreTokenizer(Regex pattern)
{
    /// <summary>The pieces of the text, in order: where each starts and how long it is.</summary>
    public List<(int Offset, int Length)> Split(string text)
    {
        // EnumerateMatches makes no Match object per piece: a text has a piece every four characters or so.
        var pieces = new List<(int, int)>(text.Length / 4 + 4);
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            foreach (var match in pattern.EnumerateMatches(text))
            {
                pieces.Add((match.Index, match.Length));
            }
            return pieces;
        }
        var (proxy, starts) = Proxy(text);
        foreach (var match in pattern.EnumerateMatches(proxy))
        {
            var start = starts[match.Index];
            pieces.Add((start, starts[match.Index + match.Length] - start));
        }
        return pieces;
    }

    /// <summary>The proxy text, and for each of its characters (and its end) the offset in the original text.</summary>
    private static (string Proxy, int[] Starts) Proxy(string text)
    {
        var proxy = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            starts.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                proxy.Append(StandIn(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1]))));
                i++;
            }
            else
            {
                proxy.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]); // A lone surrogate is what UTF-8 turns into U+FFFD.
            }
        }
        starts.Add(text.Length);
        return (proxy.ToString(), [.. starts]);
    }

    /// <summary>
    /// A BMP character of the given category. None of them is a letter of the contractions ('s, 't, 're, 've,
    /// 'm, 'll, 'd), none is white space, and none is \r, \n or '/', which the patterns name.
    /// </summary>
    private static char StandIn(UnicodeCategory category) =>
        category switch
        {
            UnicodeCategory.UppercaseLetter => 'Ж',
            UnicodeCategory.LowercaseLetter => 'ж',
            UnicodeCategory.TitlecaseLetter => 'ǅ',
            UnicodeCategory.ModifierLetter => 'ʰ',
            UnicodeCategory.OtherLetter => 'א',
            UnicodeCategory.NonSpacingMark => '\u0300',
            UnicodeCategory.SpacingCombiningMark => '\u0903',
            UnicodeCategory.EnclosingMark => '\u20DD',
            UnicodeCategory.DecimalDigitNumber => '٠',
            UnicodeCategory.LetterNumber => 'Ⅰ',
            UnicodeCategory.OtherNumber => '²',
            UnicodeCategory.MathSymbol => '±',
            UnicodeCategory.CurrencySymbol => '¢',
            UnicodeCategory.ModifierSymbol => '˄',
            UnicodeCategory.OtherSymbol => '©',
            UnicodeCategory.ConnectorPunctuation => '‿',
            UnicodeCategory.DashPunctuation => '‐',
            UnicodeCategory.OpenPunctuation => '⁅',
            UnicodeCategory.ClosePunctuation => '⁆',
            UnicodeCategory.InitialQuotePunctuation => '«',
            UnicodeCategory.FinalQuotePunctuation => '»',
            UnicodeCategory.OtherPunctuation => '¶',
            UnicodeCategory.Format => '\u200B',
            UnicodeCategory.PrivateUse => '\uE000',
            _ => '\uFFFF', // Unassigned: a BMP noncharacter, also unassigned.
        };
}

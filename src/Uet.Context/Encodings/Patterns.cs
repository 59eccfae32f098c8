using System.Text.RegularExpressions;

namespace Uet.Context.Encodings;

/// <summary>
/// The encodings' patterns, generated at build time: a pattern compiled at run time cost every process that makes
/// a tokenizer tens of milliseconds of JIT; generated, it is precompiled (ReadyToRun) with the rest of the code.
/// The texts are <see cref="TiktokenEncoding.Cl100kBase"/>'s and <see cref="TiktokenEncoding.O200kBase"/>'s
/// patterns (a test keeps them equal).
/// </summary>
internal static partial class Patterns
{
    public static Regex For(TiktokenEncoding encoding) =>
        encoding.Pattern == Cl100k().ToString() ? Cl100k()
        : encoding.Pattern == O200k().ToString() ? O200k()
        : new Regex(encoding.Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);

    [GeneratedRegex(
        @"'(?i:[sdmt]|ll|ve|re)|(?>[^\r\n\p{L}\p{N}]?)(?>\p{L}+)|(?>\p{N}{1,3})| ?(?>[^\s\p{L}\p{N}]+)(?>[\r\n]*)|(?>\s+)$|\s*[\r\n]|\s+(?!\S)|\s",
        RegexOptions.CultureInvariant
    )]
    public static partial Regex Cl100k();

    [GeneratedRegex(
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+",
        RegexOptions.CultureInvariant
    )]
    public static partial Regex O200k();
}

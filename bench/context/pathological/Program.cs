// Times Uet's exact token counter on 1 MiB inputs of every awkward shape, per encoding (warm, one run each).
// Run: dotnet run -c Release --project bench/context/pathological
using System.Diagnostics;
using Uet.Context.Encodings;
var mib = 1 << 20;
var rnd = new Random(3);
var code = string.Concat(Enumerable.Repeat(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../../src/Uet.Core/Store/UetStore.cs")), 200))[..mib];
var inputs = new (string Name, string Text)[]
{
    ("1 MiB of 'a'", new string('a', mib)),
    ("1 MiB of '='", new string('=', mib)),
    ("1 MiB of spaces", new string(' ', mib)),
    ("1 MiB of newlines", new string('\n', mib)),
    ("1 MiB of digits", new string('7', mib)),
    ("1 MiB of punctuation", new string([.. Enumerable.Range(0, mib).Select(_ => "!@#$%^&*()[]{};:,.<>?/|"[rnd.Next(23)])])),
    ("1 MiB of CJK", new string([.. Enumerable.Range(0, mib).Select(_ => (char)rnd.Next(0x4E00, 0x9FFF))])),
    ("1 MiB of letters a-z", new string([.. Enumerable.Range(0, mib).Select(_ => (char)('a' + rnd.Next(26)))])),
    ("1 MiB of C#", code),
    ("1 MiB of astral", string.Concat(Enumerable.Repeat("𝟏𝐀😀", mib / 6))),
};
foreach (var encoding in TiktokenEncoding.All)
{
    var sw = Stopwatch.StartNew();
    var tokenizer = Tokenizers.For(encoding);
    tokenizer.CountTokens("warm up");
    Console.WriteLine($"{encoding.Name}: created in {sw.ElapsedMilliseconds} ms");
    foreach (var (name, text) in inputs)
    {
        tokenizer.CountTokens(text[..1000]);
        sw.Restart();
        var count = tokenizer.CountTokens(text);
        Console.WriteLine($"  {name,-24} {count,9:N0} tokens  {sw.Elapsed.TotalMilliseconds,8:0.0} ms");
    }
}

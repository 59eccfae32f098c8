// Times Uet's exact token counter on 1 MiB inputs (UTF-8 bytes, what a file of 1 MiB holds) of every awkward
// shape, per encoding. Counting remembers pieces it has seen, so each count runs in a process of its own, on text
// it has never seen, after a warm-up on other text: the median of 3 such processes.
// Run: dotnet run -c Release --project bench/context/pathological
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Uet.Context.Encodings;

const int Mib = 1 << 20;
var rnd = new Random(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
var code = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../../src/Uet.Core/Store/UetStore.cs"));
var shapes = new (string Name, Func<char[]> Unit)[]
{
    ("'a'", () => ['a']),
    ("'='", () => ['=']),
    ("spaces", () => [' ']),
    ("newlines", () => ['\n']),
    ("digits", () => ['7']),
    ("punctuation", () => ["!@#$%^&*()[]{};:,.<>?/|"[rnd.Next(23)]]),
    ("CJK", () => [(char)rnd.Next(0x4E00, 0x9FFF)]),
    ("letters a-z", () => [(char)('a' + rnd.Next(26))]),
    ("C#", () => code.ToCharArray()),
    ("astral", () => "𝟏𝐀😀".ToCharArray()),
};
if (args.Length > 0)
{
    // One measurement: encoding, shape, seed.
    var tokenizer = Tokenizers.For(TiktokenEncoding.All.Single(e => e.Name == args[0]));
    tokenizer.CountTokens(
        string.Concat(Enumerable.Repeat("Warm up, the code of both merges: ", 50)) + new string('x', 600) + "的一是不"
    );
    var text = OneMib(shapes.Single(s => s.Name == args[1]).Unit);
    var clock = Stopwatch.StartNew();
    var count = tokenizer.CountTokens(text);
    Console.WriteLine(FormattableString.Invariant($"{count} {clock.Elapsed.TotalMilliseconds:0.0}"));
    return;
}
foreach (var encoding in TiktokenEncoding.All)
{
    Console.WriteLine(encoding.Name);
    foreach (var (name, _) in shapes)
    {
        var runs = Enumerable
            .Range(0, 3)
            .Select(seed => Measure(encoding.Name, name, seed))
            .OrderBy(r => r.Ms)
            .ToList();
        Console.WriteLine(
            $"  1 MiB of {name, -14} {runs[1].Tokens, 9:N0} tokens  {runs[1].Ms, 8:0.0} ms (max {runs[^1].Ms:0.0})"
        );
    }
}

static (int Tokens, double Ms) Measure(string encoding, string shape, int seed)
{
    // This program again: its apphost, or dotnet with its dll.
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
    }
    foreach (var arg in new[] { encoding, shape, seed.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(arg);
    }
    using var process = Process.Start(start)!;
    var line = process.StandardOutput.ReadToEnd().Split(' ');
    process.WaitForExit();
    return (int.Parse(line[0], CultureInfo.InvariantCulture), double.Parse(line[1], CultureInfo.InvariantCulture));
}

// Units repeated (random ones drawn again each time) up to 1 MiB of UTF-8.
static string OneMib(Func<char[]> unit)
{
    var text = new StringBuilder();
    var bytes = 0;
    while (true)
    {
        var next = unit();
        var size = Encoding.UTF8.GetByteCount(next);
        if (bytes + size > Mib)
        {
            return text.ToString();
        }
        text.Append(next);
        bytes += size;
    }
}

// Uet's side of bench/context/run.sh.
//   count ENCODING FILE                 one cold count: prints the count
//   count ENCODING FILE --warm OTHER    makes the tokenizer and counts OTHER first, then prints the count of FILE,
//                                       the ms of its first count (text never seen) and of a second one
//   accuracy IDS_JSON                   share of lines whose ids equal tiktoken's, per encoding and kind
//   fit OPERATION FILE BYTES OTHER      fit (summarize), prune or chunk of the first BYTES of FILE (UTF-8 bytes: what
//                                       a file of that size holds) after a warm-up on OTHER: ms of the first run and
//                                       of a second one
// Counting remembers the pieces it has seen, so first runs are timed in a fresh process on text never seen.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Uet.Context.Encodings;
using Uet.Context.Fitting;

var encodingOf = (string name) => TiktokenEncoding.All.Single(e => e.Name == name);
switch (args[0])
{
    case "count":
    {
        var tokenizer = Tokenizers.For(encodingOf(args[1]));
        if (args.Length < 4)
        {
            Console.WriteLine(tokenizer.CountTokens(File.ReadAllText(args[2])));
            break;
        }
        tokenizer.CountTokens(File.ReadAllText(args[4]));
        var text = File.ReadAllText(args[2]);
        var (count, first) = Timed(() => tokenizer.CountTokens(text));
        var (_, again) = Timed(() => tokenizer.CountTokens(text));
        Console.WriteLine(FormattableString.Invariant($"{count} {first:0.0} {again:0.0}"));
        break;
    }
    case "accuracy":
    {
        var rows = JsonNode.Parse(File.ReadAllText(args[1]))!.AsArray();
        foreach (var encoding in TiktokenEncoding.All)
        {
            var tokenizer = Tokenizers.For(encoding);
            foreach (var kind in rows.GroupBy(r => r!["kind"]!.GetValue<string>()))
            {
                var equal = kind.Count(r =>
                    r![encoding.Name]!
                        .AsArray()
                        .Select(i => i!.GetValue<int>())
                        .SequenceEqual(tokenizer.EncodeToIds(r["text"]!.GetValue<string>()))
                );
                Console.WriteLine(FormattableString.Invariant($"{encoding.Name} {kind.Key} {equal} {kind.Count()}"));
            }
        }
        break;
    }
    case "fit":
    {
        var counter = Tokenizers.For(TiktokenEncoding.O200kBase);
        var bytes = int.Parse(args[3], CultureInfo.InvariantCulture);
        Func<string, int, object> operation = args[1] switch
        {
            "fit" => (text, budget) => Summarizer.Summarize(text, budget, counter),
            "prune" => (text, budget) => Pruner.Prune(Sections(text), budget, counter),
            "chunk" => (text, budget) => Chunker.Chunk(text, Math.Max(budget / 8, 64), counter),
            _ => throw new ArgumentException($"unknown operation {args[1]}"),
        };
        var other = Utf8Prefix(File.ReadAllText(args[4]), bytes);
        operation(other, Budget(other, counter)); // Warm-up: the tokenizer made, the code compiled.
        var measured = Utf8Prefix(File.ReadAllText(args[2]), bytes);
        var quarter = Budget(measured, counter);
        var (_, first) = Timed(() => operation(measured, quarter));
        var (_, again) = Timed(() => operation(measured, quarter));
        Console.WriteLine(FormattableString.Invariant($"{first:0.0} {again:0.0}"));
        break;
    }
}
return 0;

// The longest prefix of at most this many UTF-8 bytes (a file of that size), not cutting a surrogate pair.
static string Utf8Prefix(string text, int bytes)
{
    var (length, used) = (0, 0);
    while (length < text.Length)
    {
        var width = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
        var size = System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(length, width));
        if (used + size > bytes)
        {
            break;
        }
        (length, used) = (length + width, used + size);
    }
    return text[..length];
}

// Everything has to work: a quarter of the text fits. Counted by its ids, which leaves the text unseen by the counts
// that remember pieces: the first run stays a first sight.
static int Budget(string text, ExactTokenizer counter) => counter.EncodeToIds(text).Count / 4;

// A failure's sections made of the text: a third as the stack, a sixth as the source, the rest as output.
static IReadOnlyList<Section> Sections(string text) =>
    FailureSections.For(
        "Assert.AreEqual failed. Expected:<30>. Actual:<27>.",
        text[..(text.Length / 3)],
        text[(text.Length / 3)..(text.Length / 2)],
        text[(text.Length / 2)..]
    );

static (T Result, double Ms) Timed<T>(Func<T> work)
{
    var clock = Stopwatch.StartNew();
    var result = work();
    return (result, clock.Elapsed.TotalMilliseconds);
}

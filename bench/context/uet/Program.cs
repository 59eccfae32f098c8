// Uet's side of bench/context/run.sh.
//   count ENCODING FILE [ROUNDS]   one cold count (prints the count), or the median ms of ROUNDS warm counts
//   accuracy IDS_JSON              share of lines whose ids equal tiktoken's, per encoding and kind
//   fit FILE ROUNDS                median ms of fit (summarize), prune and chunk at 10 KiB, 100 KiB and 1 MiB
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
        var text = File.ReadAllText(args[2]);
        if (args.Length < 4)
        {
            Console.WriteLine(tokenizer.CountTokens(text));
            break;
        }
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < int.Parse(args[3], CultureInfo.InvariantCulture); i++)
        {
            var clock = Stopwatch.StartNew();
            count = tokenizer.CountTokens(text);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(FormattableString.Invariant($"{count} {Median(times):0.0}"));
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
                var equal = kind.Count(r => r![encoding.Name]!.AsArray().Select(i => i!.GetValue<int>()).SequenceEqual(tokenizer.EncodeToIds(r["text"]!.GetValue<string>())));
                Console.WriteLine(FormattableString.Invariant($"{encoding.Name} {kind.Key} {equal} {kind.Count()}"));
            }
        }
        break;
    }
    case "fit":
    {
        var full = File.ReadAllText(args[1]);
        var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var counter = Tokenizers.For(TiktokenEncoding.O200kBase);
        foreach (var size in new[] { 10 << 10, 100 << 10, 1 << 20 })
        {
            var text = full[..Math.Min(size, full.Length)];
            var budget = counter.CountTokens(text) / 4; // Everything has to work: a quarter of the text fits.
            var sections = FailureSections.For("Assert.AreEqual failed. Expected:<30>. Actual:<27>.", text[..(text.Length / 3)], text[(text.Length / 3)..(text.Length / 2)], text[(text.Length / 2)..]);
            var fit = Time(rounds, () => Summarizer.Summarize(text, budget, counter));
            var prune = Time(rounds, () => Pruner.Prune(sections, budget, counter));
            var chunk = Time(rounds, () => Chunker.Chunk(text, Math.Max(budget / 8, 64), counter));
            Console.WriteLine(FormattableString.Invariant($"{size} {fit:0.0} {prune:0.0} {chunk:0.0}"));
        }
        break;
    }
}
return 0;

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static double Time(int rounds, Func<object> work)
{
    var times = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var clock = Stopwatch.StartNew();
        work();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    return Median(times);
}

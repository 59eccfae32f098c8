using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.Bench;

/// <summary>
/// Where Uet's time goes (run by harness/breakdown.py, apart from the measured rounds): how much of the cold
/// start is the checking of the schema set, and how much of a warm validation is JsonSchema.Net's own evaluation.
/// </summary>
internal static class Breakdown
{
    /// <summary>Cold start with the checked set the gate loads, or with the same schemas unchecked.</summary>
    public static int Cold(string manifest, bool checkedSet)
    {
        var clock = Stopwatch.StartNew();
        var first = File.ReadAllLines(manifest).Select(l => l.Split('\t')).First(l => l[0] == "doc");
        var set = checkedSet
            ? SchemaSetLoader.Load([])
            : SchemaSetLoader.FromDocuments(
                ShippedSchemas.Names.Select(n => (ShippedSchemas.UriOf(n), ShippedSchemas.Read(n)))
            );
        var loadMs = clock.Elapsed.TotalMilliseconds;
        new DocumentValidator(set).Validate(first[3], first[2]);
        var coldMs = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(
            JsonSerializer.Serialize(new Dictionary<string, double> { ["load_ms"] = loadMs, ["cold_ms"] = coldMs })
        );
        return 0;
    }

    /// <summary>Best of 20 passes, per phase: the whole engine, reading and parsing, and evaluation alone.</summary>
    public static int Steady(string manifest)
    {
        var lines = File.ReadAllLines(manifest).Select(l => l.Split('\t')).ToList();
        var set = SchemaSetLoader.Load([]);
        var validator = new DocumentValidator(set);
        var flag = new EvaluationOptions
        {
            OutputFormat = OutputFormat.Flag,
            RequireFormatValidation = true,
            FormatRegistry = set.EvaluationOptions.FormatRegistry,
        };
        var result = new Dictionary<string, double>();
        foreach (
            var (name, docs) in new[]
            {
                ("corpus", lines.Where(l => l[0] == "doc").ToList()),
                ("big", lines.Where(l => l[0] == "big").ToList()),
            }
        )
        {
            var best = new double[4];
            Array.Fill(best, double.MaxValue);
            for (var pass = 0; pass < 20; pass++)
            {
                var sums = new double[4];
                foreach (var doc in docs)
                {
                    var schema = set.Find(ShippedSchemas.UriOf(doc[2]))!;
                    sums[0] += Time(() => validator.Validate(doc[3], doc[2]));
                    using var parsed = JsonDocument.Parse(File.ReadAllBytes(doc[3]));
                    sums[1] += Time(() => JsonDocument.Parse(File.ReadAllBytes(doc[3])).Dispose());
                    sums[2] += Time(() => set.Evaluate(schema, parsed.RootElement, flag));
                    sums[3] += Time(() => set.Evaluate(schema, parsed.RootElement, set.EvaluationOptions));
                }
                for (var i = 0; i < 4; i++)
                {
                    best[i] = Math.Min(best[i], sums[i]);
                }
            }
            string[] phases = ["validate", "read_parse", "evaluate_flag", "evaluate_hierarchical"];
            for (var i = 0; i < 4; i++)
            {
                result[$"{name}_{phases[i]}_ms"] = best[i];
            }
        }
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}

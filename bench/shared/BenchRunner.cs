using System.Diagnostics;
using System.Text.Json;

namespace Uet.Bench;

/// <summary>One document of the corpus, as listed in manifest.tsv.</summary>
public sealed record BenchDocument(string Path, string Schema, bool ExpectValid);

/// <summary>
/// The measuring loop every .NET validator process shares (bench/ajv/validate.mjs does the same in JavaScript):
/// load the schemas and judge the first document (cold start), judge the 200 documents twice (first pass, then
/// warm), judge the big workstream twice (and with --steady, twenty more of each); print one JSON line.
/// </summary>
public static class BenchRunner
{
    /// <param name="setup">Loads the schemas; returns the verdict function (true = valid).</param>
    public static int Run(string variant, string[] args, Func<string, Func<BenchDocument, bool>> setup)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(setup);
        var mainNs = UnixNowNs();
        var clock = Stopwatch.StartNew();
        // Plain text, not JSON: parsing a JSON manifest here would warm up the JSON code under test.
        var lines = File.ReadAllLines(args[0]).Select(l => l.Split('\t')).ToList();
        var docs = lines.Where(l => l[0] == "doc").Select(ToDocument).ToList();
        var big = lines.Where(l => l[0] == "big").Select(ToDocument).Single();

        var validate = setup(lines.First(l => l[0] == "schemas")[1]);
        var schemasMs = clock.Elapsed.TotalMilliseconds;
        var failures = new List<string>();
        bool Judge(BenchDocument doc)
        {
            try
            {
                return validate(doc);
            }
#pragma warning disable CA1031 // a validator that throws on a document is a finding to report, not a reason to stop
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"{System.IO.Path.GetFileName(doc.Path)}: {e.GetType().Name}: {e.Message}");
                return false;
            }
        }

        Judge(docs[0]);
        var coldMs = clock.Elapsed.TotalMilliseconds;
        var firstNs = UnixNowNs();

        var firstPass = Timed(() => docs.Select(Judge).ToList(), out var corpusMs);
        var warmPass = Timed(() => docs.Select(Judge).ToList(), out var corpusWarmMs);
        var bigValid = Timed(() => Judge(big), out var bigMs);
        Timed(() => Judge(big), out var bigWarmMs);
        // With --steady: the steady state of a long-lived process (a reused MSBuild node), the best of twenty
        // more of each. Off by default, so that the harness's wall and CPU times are those of a one-shot run.
        var steady = args.Contains("--steady");
        var corpusBestMs = steady ? BestOf(20, () => docs.Select(Judge).ToList()) : 0;
        var bigBestMs = steady ? BestOf(20, () => Judge(big)) : 0;

        var launchNs = long.TryParse(Environment.GetEnvironmentVariable("BENCH_LAUNCH_NS"), out var l0) ? l0 : mainNs;
        using var output = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("variant", variant);
        json.WriteNumber("launch_to_main_ms", (mainNs - launchNs) / 1e6);
        json.WriteNumber("schemas_ms", schemasMs);
        json.WriteNumber("cold_ms", coldMs);
        json.WriteNumber("launch_to_first_ms", (firstNs - launchNs) / 1e6);
        json.WriteNumber("corpus_ms", corpusMs);
        json.WriteNumber("corpus_warm_ms", corpusWarmMs);
        json.WriteNumber("big_ms", bigMs);
        json.WriteNumber("big_warm_ms", bigWarmMs);
        if (steady)
        {
            json.WriteNumber("corpus_best_ms", corpusBestMs);
            json.WriteNumber("big_best_ms", bigBestMs);
        }
        json.WriteNumber("corpus_valid", firstPass.Count(v => v));
        json.WriteNumber("corpus_invalid", firstPass.Count(v => !v));
        json.WriteBoolean("big_valid", bigValid);
        json.WriteBoolean("passes_agree", firstPass.SequenceEqual(warmPass));
        WriteList(
            json,
            "unexpected",
            docs.Where((d, i) => firstPass[i] != d.ExpectValid)
                .Select(d => $"{System.IO.Path.GetFileName(d.Path)}: judged {(d.ExpectValid ? "invalid" : "valid")}")
        );
        WriteList(json, "exceptions", failures.Distinct());
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        return 0;
    }

    private static BenchDocument ToDocument(string[] line) => new(line[3], line[2], line[1] == "valid");

    private static T Timed<T>(Func<T> action, out double milliseconds)
    {
        var clock = Stopwatch.StartNew();
        var result = action();
        milliseconds = clock.Elapsed.TotalMilliseconds;
        return result;
    }

    private static double BestOf<T>(int times, Func<T> action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < times; i++)
        {
            Timed(action, out var milliseconds);
            best = Math.Min(best, milliseconds);
        }
        return best;
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    /// <summary>Wall-clock time as Unix nanoseconds, comparable with the harness's time.time_ns() at launch.</summary>
    private static long UnixNowNs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.TestLogger;
using Uet.TestLogger.Tests;

// usage: Uet.Bench.Recorder [RESULTS=50000] [ROUNDS=5]
// 1. handler latency: UetLogger's TestResult handler, driven like vstest.console drives it, timed call by call.
// 2. throughput: the recorder from the first result to the end of Complete (everything in the store).
var results = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var work = Path.Combine(Path.GetTempPath(), "uet-bench-recorder-" + Environment.ProcessId);
Directory.CreateDirectory(work);
var sample = MakeResults(results);

var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
HandlerLatencies(Path.Combine(work, "allocations.db"), sample);
var allocatedPerResult = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)sample.Length;
var latencies = new List<double[]>();
var throughputs = new List<(double Seconds, int Events)>();
var unbatched = new List<(double Seconds, int Events)>();
for (var round = 1; round <= rounds; round++)
{
    latencies.Add(HandlerLatencies(Path.Combine(work, $"handler-{round}.db"), sample));
    throughputs.Add(Throughput(Path.Combine(work, $"throughput-{round}.db"), sample, resultsPerBatchEvent: 500));
    unbatched.Add(Throughput(Path.Combine(work, $"unbatched-{round}.db"), sample, resultsPerBatchEvent: 1));
}
Directory.Delete(work, recursive: true);

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1
        ? sorted[sorted.Length / 2]
        : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
static double Percentile(double[] sorted, double p) =>
    sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

Console.WriteLine($"| measure ({results:N0} results, 10 % failed, median of {rounds} rounds) | value |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| handler latency p50 | {Median(latencies.Select(l => Percentile(l, 0.50))):0.0} µs |");
Console.WriteLine($"| handler latency p99 | {Median(latencies.Select(l => Percentile(l, 0.99))):0.0} µs |");
Console.WriteLine($"| handler latency p99.9 | {Median(latencies.Select(l => Percentile(l, 0.999))):0.0} µs |");
Console.WriteLine($"| handler latency max | {Median(latencies.Select(l => l[^1])):0.0} µs |");
Console.WriteLine($"| bytes allocated per result, logger and recorder together | {allocatedPerResult:N0} |");
Console.WriteLine(
    $"| recorder: results/s into the store | {Median(throughputs.Select(t => results / t.Seconds)):N0} |"
);
Console.WriteLine(
    $"| recorder: events/s into the store | {Median(throughputs.Select(t => t.Events / t.Seconds)):N0} ({throughputs[0].Events:N0} events a run) |"
);
Console.WriteLine(
    $"| recorder: seconds for the run, passed results batched by 500 (as shipped) | {Median(throughputs.Select(t => t.Seconds)):0.000} |"
);
Console.WriteLine(
    $"| recorder: seconds for the run, one event per passed result | {Median(unbatched.Select(t => t.Seconds)):0.000} ({unbatched[0].Events:N0} events, {Median(unbatched.Select(t => t.Events / t.Seconds)):N0} events/s) |"
);
return 0;

static double[] HandlerLatencies(string db, TestResult[] sample)
{
    var events = new FakeLoggerEvents();
    new UetLogger().Initialize(
        events,
        new Dictionary<string, string?> { ["DbPath"] = db, ["TestRunDirectory"] = Path.GetDirectoryName(db) }
    );
    events.Start("/bench/Bench.Tests.dll");
    var latencies = new double[sample.Length];
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < sample.Length; i++)
    {
        var before = clock.Elapsed.TotalMicroseconds;
        events.Result(sample[i]);
        latencies[i] = clock.Elapsed.TotalMicroseconds - before;
    }
    events.Complete(sample.Length - sample.Length / 10, sample.Length / 10, 0);
    Array.Sort(latencies);
    return latencies;
}

static (double, int) Throughput(string db, TestResult[] sample, int resultsPerBatchEvent)
{
    var records = sample
        .Select(r => new TestResultRecord
        {
            FullyQualifiedName = r.TestCase.FullyQualifiedName,
            Outcome =
                r.Outcome == Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Failed
                    ? Uet.Core.Events.TestOutcome.Failed
                    : Uet.Core.Events.TestOutcome.Passed,
            Duration = r.Duration,
            ErrorMessage = r.ErrorMessage,
            ErrorStackTrace = r.ErrorStackTrace,
        })
        .ToArray();
    var start = new RunStart
    {
        SessionId = "bench",
        Project = "Bench.Tests",
        Recorder = RecorderProcess.Current(Uet.Core.Seams.EnvironmentReader.Process),
    };
    var clock = Stopwatch.StartNew();
    var recorder = new RunRecorder(
        new RecorderOptions
        {
            StorePath = db,
            OpenStore = Uet.Store.LiteDb.LiteDbStore.Opener,
            FallbackDirectory = Path.GetDirectoryName(db)!,
            ResultsPerBatchEvent = resultsPerBatchEvent,
        },
        Ids.New(),
        start,
        Console.Error.WriteLine
    );
    foreach (var record in records)
    {
        recorder.Record(record);
    }

    var outcome = recorder.Complete(new RunCompletion()) ?? throw new InvalidOperationException("not completed");
    return (clock.Elapsed.TotalSeconds, outcome.Run.EventCount);
}

static TestResult[] MakeResults(int count)
{
    var stack = string.Join(
        "\n",
        Enumerable
            .Range(0, 20)
            .Select(f =>
                $"   at Bench.Tests.Helpers.Level{f}(Int32 depth) in /src/Bench.Tests/Helpers.cs:line {100 + f}"
            )
    );
    return
    [
        .. Enumerable
            .Range(0, count)
            .Select(i =>
            {
                var result = FakeLoggerEvents.MakeResult(
                    $"Bench.Tests.Suite{i / 100:D3}.Case{i:D6}",
                    i % 10 == 0
                        ? Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Failed
                        : Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Passed,
                    "/bench/Bench.Tests.dll"
                );
                if (i % 10 == 0)
                {
                    result.ErrorMessage = $"Assert.AreEqual failed. Expected:<{i}>. Actual:<{i + 1}>.";
                    result.ErrorStackTrace = stack;
                }
                if (i % 10 == 5)
                {
                    result.Messages.Add(
                        new TestResultMessage(TestResultMessage.StandardOutCategory, $"case {i} says hello\n")
                    );
                }
                return result;
            }),
    ];
}

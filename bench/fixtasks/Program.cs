// The fix-task ledger and the reports on 1,000 root causes (3 failing tests each, deep stacks, output): the ledger's
// update at the end of a run (grouping, ranking, a context fitted to 4,000 gpt-4o tokens per task) and the three
// reports. Medians of ROUNDS rounds, each on a fresh store; CPU time is the process's. The first round (compiling
// the code) is printed apart: it is what each test run's process pays once.
// Run: dotnet run -c Release --project bench/fixtasks [ROUNDS=7] [CAUSES=1000]
using System.Diagnostics;
using System.Globalization;
using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.FixTasks.Reports;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var causes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var failures = Enumerable.Range(0, causes).SelectMany(Failures).ToList();
var ledgerTimes = new List<(double Wall, double Cpu, double AllocatedMb)>();
var ledgerOnlyTimes = new List<(double Wall, double Cpu, double AllocatedMb)>();
var reportTimes = new List<(double Wall, double Cpu, double AllocatedMb)>();
var sizes = "";
var tokenizer = Measure(() => Uet.Context.TokenCounter.Default.Count("warm", "gpt-4o"));
Console.WriteLine(
    $"making the gpt-4o (o200k) tokenizer, cold: CPU {tokenizer.Cpu:0} ms, {tokenizer.AllocatedMb:0} MB allocated"
);
for (var round = 0; round <= rounds; round++)
{
    var folder = Directory.CreateTempSubdirectory("uet-bench-fixtasks-");
    try
    {
        var store = Path.Combine(folder.FullName, "uet.db");
        var ledgerOnly = Measure(() => LedgerOnly(failures));
        var ledger = Measure(() => Record(store, failures));
        var reports = Measure(() =>
        {
            using var opened = Uet.Store.LiteDb.LiteDbStore.Open(store);
            ReportWriter.Write(
                ReportData.FromStore(opened, sessionId: null, TimeProvider.System.GetUtcNow()),
                Path.Combine(folder.FullName, "reports")
            );
        });
        if (round == 0)
        {
            // The first round compiles the code: what a test run's process pays once.
            Console.WriteLine(
                $"first round (cold): ledger alone CPU {ledgerOnly.Cpu:0} ms, {ledgerOnly.AllocatedMb:0} MB allocated; run with fix tasks CPU {ledger.Cpu:0} ms; reports CPU {reports.Cpu:0} ms, {reports.AllocatedMb:0} MB allocated"
            );
            continue;
        }
        ledgerTimes.Add(ledger);
        ledgerOnlyTimes.Add(ledgerOnly);
        reportTimes.Add(reports);
        sizes = string.Join(
            ", ",
            Directory
                .GetFiles(Path.Combine(folder.FullName, "reports"))
                .Order()
                .Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1024.0 / 1024:0.0} MB")
        );
    }
    finally
    {
        folder.Delete(recursive: true);
    }
}
Console.WriteLine($"{causes} root causes, {failures.Count} failed tests; medians of {rounds} rounds");
Console.WriteLine(
    $"  the ledger alone (group, rank, fit a context per task; no store):     wall {Median(ledgerOnlyTimes, t => t.Wall):0} ms, CPU {Median(ledgerOnlyTimes, t => t.Cpu):0} ms, {Median(ledgerOnlyTimes, t => t.AllocatedMb):0} MB allocated"
);
Console.WriteLine(
    $"  run with fix tasks (record {failures.Count} failures, ledger, contexts): wall {Median(ledgerTimes, t => t.Wall):0} ms, CPU {Median(ledgerTimes, t => t.Cpu):0} ms"
);
Console.WriteLine(
    $"  reports (read the store, write md + json + html):                  wall {Median(reportTimes, t => t.Wall):0} ms, CPU {Median(reportTimes, t => t.Cpu):0} ms, {Median(reportTimes, t => t.AllocatedMb):0} MB allocated"
);
Console.WriteLine($"  {sizes}");

// Three tests per cause, each failing in its own helper (a distinct place) with a message carrying data.
static IEnumerable<TestResultRecord> Failures(int cause) =>
    Enumerable
        .Range(0, 3)
        .Select(test => new TestResultRecord
        {
            FullyQualifiedName = $"Shop.Tests.Area{cause % 40}.Case{cause}_{test}",
            Outcome = TestOutcome.Failed,
            Source = "/src/Shop.Tests/bin/Shop.Tests.dll",
            ErrorMessage =
                $"Test method Shop.Tests.Area{cause % 40}.Case{cause}_{test} threw exception: \nSystem.InvalidOperationException: Order {cause * 7 + test} of customer C-{test:D6} is in state Closed",
            ErrorStackTrace = string.Join(
                "\n",
                Enumerable
                    .Range(0, 25)
                    .Select(depth =>
                        depth == 0
                            ? $"   at Shop.Orders.Helper{cause}.Update(Int32 id) in /src/Shop/Orders{cause % 50}.cs:line {10 + cause % 90}"
                        : depth < 20
                            ? $"   at Shop.Pipeline.Step{depth}(Int32 id) in /src/Shop/Pipeline.cs:line {depth * 3}"
                        : $"   at System.Runtime.Frame{depth}()"
                    )
            ),
            StandardOutput = string.Concat(Enumerable.Repeat($"processing order {cause}\n", 20)),
        });

static void LedgerOnly(List<TestResultRecord> failures)
{
    var run = new RunState
    {
        RunId = Ids.New(),
        SessionId = "bench",
        Project = "Shop.Tests",
        StartedAt = DateTimeOffset.UtcNow,
        Recorder = RecorderProcess.Current(Uet.Core.Seams.EnvironmentReader.Process),
    };
    new Uet.FixTasks.Ledger.FixTaskLedger(new Uet.FixTasks.Ledger.LedgerOptions()).Update(
        new Uet.Core.Ledger.CompletedRun(run, new RunCompletion(), failures, new HashSet<string>()),
        new Uet.Core.Ledger.LedgerState([], null)
    );
}

static void Record(string store, List<TestResultRecord> failures)
{
    var options = new RecorderOptions
    {
        StorePath = store,
        OpenStore = Uet.Store.LiteDb.LiteDbStore.Opener,
        FallbackDirectory = Path.GetDirectoryName(store)!,
        Ledger = new Uet.FixTasks.Ledger.FixTaskLedger(new Uet.FixTasks.Ledger.LedgerOptions()),
    };
    var start = new RunStart
    {
        SessionId = "bench",
        Project = "Shop.Tests",
        TargetFramework = "net10.0",
        Sources = ["/src/Shop.Tests/bin/Shop.Tests.dll"],
        Recorder = RecorderProcess.Current(Uet.Core.Seams.EnvironmentReader.Process),
    };
    var recorder = new RunRecorder(options, Ids.New(), start, Console.Error.WriteLine);
    foreach (var failure in failures)
    {
        recorder.Record(failure);
    }
    recorder.Complete(new RunCompletion { Failed = failures.Count });
}

static (double Wall, double Cpu, double AllocatedMb) Measure(Action work)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    work();
    return (
        clock.Elapsed.TotalMilliseconds,
        (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,
        (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0
    );
}

static double Median<T>(List<T> values, Func<T, double> of)
{
    var sorted = values.Select(of).Order().ToList();
    return sorted[sorted.Count / 2];
}

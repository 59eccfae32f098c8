using System.Globalization;
using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Core.Seams;
using Uet.Store.LiteDb;

// usage: Writer STORE SESSION RESULTS FAIL_EVERY PAUSE_EVERY PAUSE_MS FLUSH_MS
// Records one run of RESULTS synthetic results (every FAIL_EVERY-th one failed), pausing PAUSE_MS after every
// PAUSE_EVERY results, with the recorder flushing every FLUSH_MS. Prints "run ID" first and "done" last.
var store = args[0];
var session = args[1];
var numbers = args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var (results, failEvery, pauseEvery, pauseMs, flushMs) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);

var runId = Ids.New();
var options = new RecorderOptions
{
    StorePath = store,
    OpenStore = LiteDbStore.Opener,
    FallbackDirectory = Path.Combine(Path.GetDirectoryName(store)!, "fallback"),
    FlushInterval = TimeSpan.FromMilliseconds(flushMs),
    EventsPerTransaction = 100,
    ResultsPerBatchEvent = 50,
};
var start = new RunStart
{
    SessionId = session,
    Project = "Writer.Tests",
    TargetFramework = "net10.0",
    Recorder = RecorderProcess.Current(EnvironmentReader.Process),
};
var recorder = new RunRecorder(options, runId, start, message => Console.Error.WriteLine(message));
Console.WriteLine($"run {runId}");
Console.Out.Flush();
for (var i = 1; i <= results; i++)
{
    var failed = failEvery > 0 && i % failEvery == 0;
    recorder.Record(
        new TestResultRecord
        {
            FullyQualifiedName = $"Writer.Tests.Case{i:D6}",
            Outcome = failed ? TestOutcome.Failed : TestOutcome.Passed,
            Duration = TimeSpan.FromMilliseconds(i % 7),
            ErrorMessage = failed ? $"Assert.AreEqual failed. Expected:<{i}>. Actual:<{i + 1}>." : null,
            ErrorStackTrace = failed ? $"   at Writer.Tests.Case{i:D6}() in /src/Writer/Tests.cs:line {i % 300}" : null,
        }
    );
    if (pauseEvery > 0 && i % pauseEvery == 0)
    {
        Thread.Sleep(pauseMs);
    }
}
var outcome = recorder.Complete(
    new RunCompletion
    {
        Passed = results - (failEvery > 0 ? results / failEvery : 0),
        Failed = failEvery > 0 ? results / failEvery : 0,
    }
);
Console.WriteLine(outcome?.StorePath is null ? "done, not in the store" : "done");
return outcome?.StorePath is null ? 1 : 0;

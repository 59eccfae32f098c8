using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Core.Seams;
using Uet.Store.LiteDb;

namespace Uet.Tests.Shared;

/// <summary>
/// Records runs in-process through the real recorder, for tests that need a store with runs in it. Compiled into
/// the test projects that set UetRecordingHelpers.
/// </summary>
internal static class Recordings
{
    /// <summary>The environment of a recorder that is not on CI, whatever the machine running the tests is.</summary>
    /// <summary>A fixed time for events whose time does not matter to the test.</summary>
    public static DateTimeOffset At { get; } = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static EnvironmentReader NotOnCi { get; } = EnvironmentReader.Of(new Dictionary<string, string>());

    public static RecorderOptions Options(
        string store,
        string? fallback = null,
        Uet.Core.Ledger.IFixTaskLedger? ledger = null
    ) =>
        new()
        {
            Ledger = ledger,
            StorePath = store,
            OpenStore = LiteDbStore.Opener,
            FallbackDirectory = fallback ?? Path.Combine(Path.GetDirectoryName(store)!, "TestResults"),
            FlushInterval = TimeSpan.FromMilliseconds(50),
            ResultsPerBatchEvent = 3,
        };

    public static RunStart Start(string session = "session-1", string project = "Sample.Tests") =>
        new()
        {
            SessionId = session,
            Project = project,
            TargetFramework = "net10.0",
            Sources = [$"/src/{project}/bin/{project}.dll"],
            Recorder = RecorderProcess.Current(NotOnCi),
        };

    public static TestResultRecord Passed(string name) =>
        new()
        {
            FullyQualifiedName = name,
            Outcome = TestOutcome.Passed,
            Duration = TimeSpan.FromMilliseconds(3),
        };

    public static TestResultRecord Skipped(string name) =>
        new() { FullyQualifiedName = name, Outcome = TestOutcome.Skipped };

    public static TestResultRecord Failed(
        string name,
        string message = "Assert.AreEqual failed. Expected:<1>. Actual:<2>."
    ) =>
        new()
        {
            FullyQualifiedName = name,
            DisplayName = name.Split('.')[^1] + " (case 1)",
            Outcome = TestOutcome.Failed,
            Duration = TimeSpan.FromMilliseconds(12.5),
            StartedAt = DateTimeOffset.UtcNow.AddMilliseconds(-13),
            EndedAt = DateTimeOffset.UtcNow,
            Source = "/src/Sample.Tests/bin/Sample.Tests.dll",
            ErrorMessage = message,
            ErrorStackTrace = $"   at {name}() in /src/Sample.Tests/Tests.cs:line 42",
            StandardOutput = "hello from the test\n",
            StandardError = "a warning\n",
            Traits = [new("Priority", "0"), new("Owner", "payments")],
            Categories = ["smoke"],
            CodeFilePath = "/src/Sample.Tests/Tests.cs",
            LineNumber = 40,
        };

    /// <summary>A complete run: 5 passed, 2 failed, 1 skipped, completed normally.</summary>
    public static RecordingOutcome RecordMixedRun(
        string store,
        string session = "session-1",
        string project = "Sample.Tests",
        List<string>? warnings = null,
        Uet.Core.Ledger.IFixTaskLedger? ledger = null
    )
    {
        var recorder = new RunRecorder(Options(store, ledger: ledger), Ids.New(), Start(session, project), message =>
            warnings?.Add(message)
        );
        foreach (var i in Enumerable.Range(1, 5))
        {
            recorder.Record(Passed($"Sample.Tests.Math.Adds{i}"));
        }

        recorder.Record(Failed("Sample.Tests.Math.Divides"));
        recorder.Record(Skipped("Sample.Tests.Math.Later"));
        recorder.Record(
            Failed("Sample.Tests.Io.Reads", "System.IO.FileNotFoundException: Could not find file '/tmp/x'.")
        );
        return recorder.Complete(
            new RunCompletion
            {
                Passed = 5,
                Failed = 2,
                Skipped = 1,
                Elapsed = TimeSpan.FromSeconds(1.5),
            }
        ) ?? throw new InvalidOperationException("the recorder did not finish");
    }

    /// <summary>How many events of the run the store holds now (0 before the store exists).</summary>
    public static int StoredEvents(string path, string runId)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var store = LiteDbStore.Open(path);
        return store.Events(runId).Count;
    }

    /// <summary>Polls for up to 5 seconds.</summary>
    public static void WaitUntil(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 250; attempt++)
        {
            if (condition())
            {
                return;
            }

            Thread.Sleep(20);
        }
        Assert.Fail("timed out waiting");
    }
}

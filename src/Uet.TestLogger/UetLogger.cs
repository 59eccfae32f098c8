using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Uet.Context;
using Uet.Core.Events;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Core.Seams;
using Uet.Core.Store;
using Uet.FixTasks.Reports;
using Uet.Store.LiteDb;
using VsOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;

namespace Uet.TestLogger;

/// <summary>
/// <c>dotnet test --logger uet</c>: records the run in the Uet store. The handlers only hand data to a
/// <see cref="RunRecorder"/>; every handler is guarded, because an exception thrown into VSTest would fail the run.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(ExtensionUri)]
public sealed class UetLogger : ITestLoggerWithParameters
{
    public const string FriendlyName = "uet";
    public const string ExtensionUri = "logger://uet";

    private readonly TextWriter _output;
    private readonly EnvironmentReader _environment;
    private readonly TimeProvider _clock;
    private readonly StoreOpener _openStore;
    private readonly Lock _gate = new();
    private LoggerParameters _parameters = new();
    private RunRecorder? _recorder;
    private bool _failureReported;
    private int _tokenizerPrepared;

    // VSTest makes the logger with its parameterless constructor: this is where its seams are chosen.
    public UetLogger()
        : this(Console.Out, EnvironmentReader.Process, TimeProvider.System) { }

    internal UetLogger(TextWriter output, EnvironmentReader environment, TimeProvider clock)
    {
        _output = output;
        _environment = environment;
        _clock = clock;
        _openStore = LiteDbStore.Opener;
    }

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { ["TestRunDirectory"] = testRunDirectory });

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters) =>
        Guard(() =>
        {
            _parameters = LoggerParameters.Parse(parameters);
            foreach (var warning in _parameters.Warnings)
            {
                _output.WriteLine(warning);
            }
            events.TestRunStart += (_, e) =>
                Guard(() =>
                    StartRecorder(
                        e.TestRunCriteria.Sources ?? e.TestRunCriteria.Tests?.Select(t => t.Source),
                        e.TestRunCriteria.TestRunSettings
                    )
                );
            events.TestResult += (_, e) => Guard(() => OnResult(e.Result));
            events.TestRunComplete += (_, e) => Guard(() => OnComplete(e));
        });

    private void OnResult(TestResult result)
    {
        var recorder = _recorder ?? StartRecorder([result.TestCase.Source], runSettings: null);
        recorder.Record(ResultMapper.Map(result, _parameters.MaxOutputChars));
        if (result.Outcome == VsOutcome.Failed && Interlocked.Exchange(ref _tokenizerPrepared, 1) == 0)
        {
            // The first failure will need a fix task with a context: the model's tokenizer is made on the thread
            // pool now, not on the writer when the run ends. A run without failures never makes it.
            _ = Task.Run(() => TokenCounter.Default.Count("Uet", _parameters.Model));
        }
    }

    private void OnComplete(TestRunCompleteEventArgs e)
    {
        var recorder = _recorder ?? StartRecorder([], runSettings: null);
        foreach (var report in HealthReports.From(e.AttachmentSets, message => _output.WriteLine(message)))
        {
            recorder.Record(report);
        }
        var statistics = e.TestRunStatistics;
        var outcome = recorder.Complete(
            new RunCompletion
            {
                Passed = (int)(statistics?[VsOutcome.Passed] ?? 0),
                Failed = (int)(statistics?[VsOutcome.Failed] ?? 0),
                Skipped = (int)(
                    (statistics?.ExecutedTests ?? 0)
                    - (statistics?[VsOutcome.Passed] ?? 0)
                    - (statistics?[VsOutcome.Failed] ?? 0)
                ),
                Aborted = e.IsAborted,
                Canceled = e.IsCanceled,
                Elapsed = e.ElapsedTimeInRunningTests,
                AbortReason = e.IsAborted || e.IsCanceled ? e.Error?.Message : null,
            }
        );
        if (outcome is not null)
        {
            _output.WriteLine(EndOfRunLine.For(outcome));
            WriteReports(outcome);
        }
    }

    /// <summary>The session's fix-task reports, and the line that names the blocking tasks first.</summary>
    private void WriteReports(RecordingOutcome outcome)
    {
        if (outcome.StorePath is null)
        {
            _output.WriteLine("Uet: no fix tasks or reports for this run: it is not in the store.");
            return;
        }
        var directory = Path.GetFullPath(_parameters.ReportDir ?? Path.Combine(ResultsDirectory(), "uet"));
        try
        {
            using var store = _openStore(outcome.StorePath, createIfMissing: false);
            var reports = SessionReports.Write(
                store,
                outcome.Run.SessionId,
                outcome.Run.RunId,
                directory,
                _environment.Variable(ReportWriter.StepSummaryVariable),
                _clock.GetUtcNow()
            );
            _output.WriteLine(reports.Line());
            if (reports.Warning is not null)
            {
                _output.WriteLine(reports.Warning);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StoreException)
        {
            _output.WriteLine(
                $"Uet: the fix-task reports could not be written to {directory} ({e.Message}); the run is recorded."
            );
        }
    }

    private string ResultsDirectory() =>
        _parameters.TestRunDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "TestResults");

    private RunRecorder StartRecorder(IEnumerable<string>? sources, string? runSettings)
    {
        lock (_gate)
        {
            if (_recorder is not null)
            {
                return _recorder;
            }
            var sourceList = (sources ?? []).Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
            var sourceDirectory =
                sourceList.Count > 0
                    ? Path.GetDirectoryName(Path.GetFullPath(sourceList[0]))!
                    : Directory.GetCurrentDirectory();
            var runId = Ids.New();
            var storePath = StoreLocation.Resolve(
                _parameters.DbPath,
                _environment.Variable(StoreLocation.EnvironmentVariable),
                sourceDirectory
            );
            var resultsDirectory = ResultsDirectory();
            var start = new RunStart
            {
                SessionId = TestSessions.Resolve(
                    _parameters.SessionId,
                    _environment.Variable(TestSessions.EnvironmentVariable),
                    _environment.CommandLine(),
                    runId
                ),
                Project = sourceList.Count > 0 ? Path.GetFileNameWithoutExtension(sourceList[0]) : "unknown",
                TargetFramework = FrameworkNames.Short(_parameters.TargetFramework),
                Sources = sourceList,
                Settings = new()
                {
                    ["store"] = storePath,
                    ["test_results_directory"] = resultsDirectory,
                    ["max_output_chars"] = _parameters.MaxOutputChars,
                    ["run_settings"] = OutputLimit.Cap(runSettings, _parameters.MaxOutputChars),
                },
                Recorder = RecorderProcess.Current(_environment),
            };
            var ledger = FixTaskSetup.Ledger(_parameters, storePath, _clock, message => _output.WriteLine(message));
            var options = new RecorderOptions
            {
                StorePath = storePath,
                OpenStore = _openStore,
                Clock = _clock,
                FallbackDirectory = resultsDirectory,
                Ledger = ledger,
            };
            _recorder = new RunRecorder(options, runId, start, message => _output.WriteLine(message));
            return _recorder;
        }
    }

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_failureReported)
                {
                    return;
                }
                _failureReported = true;
            }
            _output.WriteLine(
                $"Uet: the logger failed ({e.GetType().Name}: {e.Message}); the test run is not affected, but this run may be recorded incompletely."
            );
        }
    }
}

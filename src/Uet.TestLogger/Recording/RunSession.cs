using Uet.Context;
using Uet.Core.Events;
using Uet.Core.Health;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Core.Seams;
using Uet.Core.Store;
using Uet.FixTasks.Reports;

namespace Uet.TestLogger.Recording;

/// <summary>
/// One test run as both faces record it: the store found, the recorder and the fix-task ledger started, results
/// handed on, and at the end the run's line and its session's reports. The faces (VSTest's logger, the testing
/// platform's reporter and host controller) only turn their platform's messages into these calls.
/// </summary>
internal sealed class RunSession(
    LoggerParameters parameters,
    Action<string> output,
    EnvironmentReader environment,
    TimeProvider clock,
    StoreOpener openStore
)
{
    private readonly Lock _gate = new();
    private RunRecorder? _recorder;
    private int _tokenizerPrepared;

    public LoggerParameters Parameters => parameters;

    /// <summary>Starts the run (once: a second call returns the run already started).</summary>
    /// <param name="sources">The test assemblies of the run.</param>
    /// <param name="platformSession">The session the platform implies (<see cref="TestSessions"/>), if any.</param>
    /// <param name="runSettings">The platform's settings of the run, kept with it (capped).</param>
    public RunRecorder Start(IEnumerable<string>? sources, string? platformSession, string? runSettings = null)
    {
        lock (_gate)
        {
            return _recorder ??= NewRecorder(sources, platformSession, runSettings);
        }
    }

    public bool IsStarted => _recorder is not null;

    public void Record(TestResultRecord result)
    {
        (_recorder ?? throw new InvalidOperationException("the run is not started")).Record(result);
        if (result.Outcome == TestOutcome.Failed && Interlocked.Exchange(ref _tokenizerPrepared, 1) == 0)
        {
            // The first failure will need a fix task with a context: the model's tokenizer is made on the thread
            // pool now, not on the writer when the run ends. A run without failures never makes it.
            _ = Task.Run(() => TokenCounter.Default.Count("Uet", parameters.Model));
        }
    }

    public void Record(HealthReport report) => _recorder?.Record(report);

    /// <summary>Completes the run; prints its line and writes the session's fix-task reports, whose files it returns.</summary>
    public IReadOnlyList<string> Complete(RunCompletion completion)
    {
        var recorder = _recorder ?? Start([], platformSession: null);
        var outcome = recorder.Complete(completion);
        if (outcome is null)
        {
            return [];
        }
        output(EndOfRunLine.For(outcome));
        return WriteReports(outcome);
    }

    /// <summary>The folder of the platform's test results (where the fallback and the reports go by default).</summary>
    public string ResultsDirectory() =>
        parameters.TestRunDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "TestResults");

    /// <summary>The session's fix-task reports, and the line that names the blocking tasks first.</summary>
    private IReadOnlyList<string> WriteReports(RecordingOutcome outcome)
    {
        if (outcome.StorePath is null)
        {
            output("Uet: no fix tasks or reports for this run: it is not in the store.");
            return [];
        }
        var directory = Path.GetFullPath(parameters.ReportDir ?? Path.Combine(ResultsDirectory(), "uet"));
        try
        {
            using var store = openStore(outcome.StorePath, createIfMissing: false);
            var reports = SessionReports.Write(
                store,
                outcome.Run.SessionId,
                outcome.Run.RunId,
                directory,
                environment.Variable(ReportWriter.StepSummaryVariable),
                clock.GetUtcNow()
            );
            output(reports.Line());
            if (reports.Warning is not null)
            {
                output(reports.Warning);
            }
            return reports.Files;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StoreException)
        {
            output(
                $"Uet: the fix-task reports could not be written to {directory} ({e.Message}); the run is recorded."
            );
            return [];
        }
    }

    private RunRecorder NewRecorder(IEnumerable<string>? sources, string? platformSession, string? runSettings)
    {
        var sourceList = (sources ?? []).Where(s => !string.IsNullOrEmpty(s)).Distinct().ToList();
        var sourceDirectory =
            sourceList.Count > 0
                ? Path.GetDirectoryName(Path.GetFullPath(sourceList[0]))!
                : Directory.GetCurrentDirectory();
        var runId = Ids.New();
        var storePath = StoreLocation.Resolve(
            parameters.DbPath,
            environment.Variable(StoreLocation.EnvironmentVariable),
            sourceDirectory
        );
        var resultsDirectory = ResultsDirectory();
        var start = new RunStart
        {
            SessionId = TestSessions.Resolve(
                parameters.SessionId,
                environment.Variable(TestSessions.EnvironmentVariable),
                platformSession,
                runId
            ),
            Project = sourceList.Count > 0 ? Path.GetFileNameWithoutExtension(sourceList[0]) : "unknown",
            TargetFramework = FrameworkNames.Short(parameters.TargetFramework),
            Sources = sourceList,
            Settings = new()
            {
                ["store"] = storePath,
                ["test_results_directory"] = resultsDirectory,
                ["max_output_chars"] = parameters.MaxOutputChars,
                ["run_settings"] = OutputLimit.Cap(runSettings, parameters.MaxOutputChars),
            },
            Recorder = RecorderProcess.Current(environment),
        };
        var options = new RecorderOptions
        {
            StorePath = storePath,
            OpenStore = openStore,
            Clock = clock,
            FallbackDirectory = resultsDirectory,
            Ledger = FixTaskSetup.Ledger(parameters, storePath, clock, output),
        };
        return new RunRecorder(options, runId, start, output);
    }
}

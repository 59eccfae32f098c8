using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Uet.Core.Runs;
using Uet.Core.Seams;
using Uet.Store.LiteDb;
using Uet.TestLogger.Recording;
using Uet.TestLogger.VsTest;
using VsOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;

namespace Uet.TestLogger;

/// <summary>
/// <c>dotnet test --logger uet</c>: records the run in the Uet store. VSTest's face of a <see cref="RunSession"/>:
/// the handlers only turn VSTest's events into the session's calls; every handler is guarded, because an exception
/// thrown into VSTest would fail the run.
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
    private readonly Lock _gate = new();
    private RunSession? _session;
    private bool _failureReported;

    // VSTest makes the logger with its parameterless constructor: this is where its seams are chosen.
    public UetLogger()
        : this(Console.Out, EnvironmentReader.Process, TimeProvider.System) { }

    internal UetLogger(TextWriter output, EnvironmentReader environment, TimeProvider clock)
    {
        _output = output;
        _environment = environment;
        _clock = clock;
    }

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { ["TestRunDirectory"] = testRunDirectory });

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters) =>
        Guard(() =>
        {
            var parsed = LoggerParameters.Parse(parameters);
            foreach (var warning in parsed.Warnings)
            {
                _output.WriteLine(warning);
            }
            _session = new RunSession(parsed, _output.WriteLine, _environment, _clock, LiteDbStore.Opener);
            events.TestRunStart += (_, e) =>
                Guard(() =>
                    Start(
                        e.TestRunCriteria.Sources ?? e.TestRunCriteria.Tests?.Select(t => t.Source),
                        e.TestRunCriteria.TestRunSettings
                    )
                );
            events.TestResult += (_, e) => Guard(() => OnResult(e.Result));
            events.TestRunComplete += (_, e) => Guard(() => OnComplete(e));
        });

    private RunSession Session => _session ?? throw new InvalidOperationException("the logger is not initialized");

    private void Start(IEnumerable<string>? sources, string? runSettings) =>
        Session.Start(sources, TestSessions.FromVsTestCommandLine(_environment.CommandLine()), runSettings);

    private void OnResult(TestResult result)
    {
        if (!Session.IsStarted)
        {
            Start([result.TestCase.Source], runSettings: null);
        }
        Session.Record(ResultMapper.Map(result, Session.Parameters.MaxOutputChars));
    }

    private void OnComplete(TestRunCompleteEventArgs e)
    {
        if (!Session.IsStarted)
        {
            Start([], runSettings: null);
        }
        foreach (var report in HealthReports.From(e.AttachmentSets, message => _output.WriteLine(message)))
        {
            Session.Record(report);
        }
        var statistics = e.TestRunStatistics;
        Session.Complete(
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

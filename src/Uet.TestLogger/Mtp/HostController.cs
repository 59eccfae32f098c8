using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Microsoft.Testing.Platform.Services;
using Uet.Core.Events;
using Uet.Core.Health;
using Uet.Core.Seams;
using Uet.Store.LiteDb;
using Uet.TestLogger.Recording;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// <c>--report-uet</c> outside the test host: the platform's test host controller, the process that starts the host
/// and outlives it. It hands the host a journal, records the run from it as it grows, and watches the host with a
/// <see cref="HealthMonitor"/> (progress = a test starting or ending): a hung host is quarantined and ended with its
/// children, a host that dies with tests running has crashed and they are named. Either way the run is completed,
/// aborted, with every result that reached the journal.
/// </summary>
internal sealed class HostController
    : ITestHostEnvironmentVariableProvider,
        ITestHostProcessLifetimeHandler,
        IOutputDeviceDataProducer,
        IDisposable
{
    private readonly ICommandLineOptions _options;
    private readonly IConfiguration _configuration;
    private readonly EnvironmentReader _environment;
    private readonly TimeProvider _clock;
    private readonly OutputLines _lines;
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), $"uet-host-{Guid.NewGuid():N}.jsonl");
    private readonly Lock _gate = new();
    private readonly JournalCounts _counts = new();
    private readonly List<(DateTimeOffset At, HealthFinding Finding)> _findings = [];
    private readonly CancellationTokenSource _stop = new();
    private JournalReader? _reader;
    private HealthMonitor? _monitor;
    private RunSession? _session;
    private Task? _follow;
    private int _hostId;
    private string _source = TestApplication.Source;
    private DateTimeOffset _launchedAt;
    private bool _completed;
    private int _failureReported;

    public HostController(IServiceProvider services, EnvironmentReader environment, TimeProvider clock)
    {
        _options = services.GetCommandLineOptions();
        _configuration = services.GetConfiguration();
        _environment = environment;
        _clock = clock;
        _lines = new OutputLines(services.GetOutputDevice(), this);
    }

    public string Uid => "Uet.TestLogger.HostController";
    public string Version => ExtensionInfo.Version;
    public string DisplayName => "Uet test host health";
    public string Description => "Records the run from the test host's journal and watches the host's health.";

    public Task<bool> IsEnabledAsync() =>
        Task.FromResult(ReportOptions.IsOn(_options, _environment) && ReportOptions.HealthOn(_options).On);

    public Task UpdateAsync(IEnvironmentVariables environmentVariables)
    {
        environmentVariables.SetVariable(
            new EnvironmentVariable(HostJournal.Variable, _journalPath, isSecret: false, isLocked: true)
        );
        return Task.CompletedTask;
    }

    public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(
        IReadOnlyEnvironmentVariables environmentVariables
    ) => ValidationResult.ValidTask;

    public Task BeforeTestHostProcessStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTestHostProcessStartedAsync(
        ITestHostProcessInformation testHostProcessInformation,
        CancellationToken cancellation
    )
    {
        Guard(() =>
        {
            _hostId = testHostProcessInformation.PID;
            _launchedAt = Timestamps.Now(_clock);
            var (health, warnings) = ReportOptions.HealthSettingsOf(_options);
            foreach (var warning in warnings)
            {
                _lines.Add(warning);
            }
            _monitor = new HealthMonitor(health, Found, _lines.Add, clock: _clock);
            _monitor.HostLaunched(_hostId);
            _monitor.Start();
            _reader = new JournalReader(_journalPath);
            _follow = Task.Run(FollowAsync);
        });
        return Task.CompletedTask;
    }

    public async Task OnTestHostProcessExitedAsync(
        ITestHostProcessInformation testHostProcessInformation,
        CancellationToken cancellation
    )
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_follow is not null)
        {
            await _follow.ConfigureAwait(false);
        }
        var lines = new List<string>();
        Guard(() =>
        {
            Read(); // What the host wrote last.
            if (_completed)
            {
                return;
            }
            // The host is gone before its session ended: crashed, or ended by its quarantine.
            _monitor?.Check();
            bool quarantined;
            lock (_findings)
            {
                quarantined = _findings.Any(f => f.Finding.Kind == EventKinds.WorkerQuarantined);
            }
            var reason = quarantined
                ? $"the test host (pid {_hostId}) was quarantined and ended: it made no progress"
                : $"the test host (pid {_hostId}) exited with code {testHostProcessInformation.ExitCode} before its test session ended";
            Complete(aborted: true, canceled: false, _clock.GetUtcNow() - _launchedAt, reason);
            lines.AddRange(_lines.Take());
        });
        // Shown where the controller's lines reach the user (the test application run by itself, dotnet run).
        await _lines.ShowAsync(lines, CancellationToken.None).ConfigureAwait(false);
        DeleteJournal();
    }

    public void Dispose()
    {
        _monitor?.Dispose();
        _reader?.Dispose();
        _stop.Dispose();
    }

    private async Task FollowAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Guard(Read);
            try
            {
                await Task.Delay(HostJournal.PollInterval, _clock, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Read()
    {
        lock (_gate)
        {
            foreach (var entry in _reader?.ReadNew() ?? [])
            {
                Apply(entry);
            }
        }
    }

    private void Apply(JournalEntry entry)
    {
        switch (entry)
        {
            case JournalEntry.Host host:
                StartRun(host);
                break;
            case JournalEntry.Started started:
                _monitor?.TestStarted(_hostId, started.Test);
                break;
            case JournalEntry.Finished finished:
                _monitor?.TestEnded(_hostId, finished.Result.FullyQualifiedName);
                _counts.Add(finished.Result);
                _session?.Record(finished.Result);
                break;
            case JournalEntry.Ended ended when !_completed:
                var files = Complete(aborted: false, ended.Canceled, ended.Elapsed, abortReason: null);
                HostJournal.WriteReply(_journalPath, new RunEnd(_lines.Take(), files));
                break;
        }
    }

    private void StartRun(JournalEntry.Host host)
    {
        _source = host.Source;
        var parameters = ReportOptions.Parameters(
            _options,
            _configuration.GetTestResultDirectory(),
            host.TargetFramework
        );
        foreach (var warning in parameters.Warnings.Concat([ReportOptions.HealthOn(_options).Warning]).OfType<string>())
        {
            _lines.Add(warning);
        }
        _session = new RunSession(parameters, _lines.Add, _environment, _clock, LiteDbStore.Opener);
        _session.Start([host.Source], TestApplication.PlatformSession(_environment, TestApplication.ParentProcess));
    }

    /// <summary>The host's health goes with the run, then the run is completed (once).</summary>
    private IReadOnlyList<string> Complete(bool aborted, bool canceled, TimeSpan elapsed, string? abortReason)
    {
        _completed = true;
        _monitor?.Dispose();
        if (_session is null)
        {
            return []; // The host never started its session: there is no run to record.
        }
        List<(DateTimeOffset, HealthFinding)> findings;
        lock (_findings)
        {
            findings = [.. _findings];
        }
        _session.Record(new HealthReport(_hostId, _launchedAt, [_source], findings));
        return _session.Complete(_counts.Completion(aborted, canceled, elapsed, abortReason));
    }

    private void Found(HealthFinding finding)
    {
        lock (_findings)
        {
            _findings.Add((Timestamps.Now(_clock), finding));
        }
    }

    private void DeleteJournal()
    {
        _reader?.Dispose();
        foreach (var path in new[] { _journalPath, HostJournal.ReplyPath(_journalPath) })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover in the temp folder harms nobody.
            }
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
            if (Interlocked.Exchange(ref _failureReported, 1) == 1)
            {
                return;
            }
            _lines.Add(
                $"Uet: the test host controller failed ({e.GetType().Name}: {e.Message}); the test run is not affected, but this run may be recorded incompletely."
            );
        }
    }
}

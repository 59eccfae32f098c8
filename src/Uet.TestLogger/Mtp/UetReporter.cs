using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.Services;
using Uet.Core.Events;
using Uet.Core.Seams;
using Uet.Store.LiteDb;
using Uet.TestLogger.Recording;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// <c>--report-uet</c> inside the test host. With a controller watching the host, every test start and result goes
/// to the host journal, and the controller records the run (so a crash of the host loses nothing that reached the
/// journal); the run's lines come back from the controller and are shown here, where <c>dotnet test</c> shows them.
/// Without one (<c>--report-uet-health off</c>), the run is recorded here. Nothing is thrown into the platform: a
/// failure is reported once and the tests go on.
/// </summary>
internal sealed class UetReporter
    : IDataConsumer,
        ITestSessionLifetimeHandler,
        IOutputDeviceDataProducer,
        IDataProducer,
        IDisposable
{
    private readonly ICommandLineOptions _options;
    private readonly IConfiguration _configuration;
    private readonly EnvironmentReader _environment;
    private readonly TimeProvider _clock;
    private readonly OutputLines _lines;
    private readonly IMessageBus _bus;
    private readonly Lock _gate = new();
    private readonly FinishedTests _finished = new();
    private JournalWriter? _journal;
    private string? _journalPath;
    private RunSession? _session;
    private DateTimeOffset _startedAt;
    private bool _failureReported;

    public UetReporter(IServiceProvider services, EnvironmentReader environment, TimeProvider clock)
    {
        _options = services.GetCommandLineOptions();
        _configuration = services.GetConfiguration();
        _environment = environment;
        _clock = clock;
        _lines = new OutputLines(services.GetOutputDevice(), this);
        _bus = services.GetMessageBus();
    }

    public string Uid => "Uet.TestLogger.Reporter";
    public string Version => ExtensionInfo.Version;
    public string DisplayName => "Uet report";
    public string Description => "Records the run in the Uet store, with fix tasks and reports.";
    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];
    public Type[] DataTypesProduced => [typeof(SessionFileArtifact)];

    public Task<bool> IsEnabledAsync() => Task.FromResult(ReportOptions.IsOn(_options, _environment));

    public async Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        Guard(() =>
        {
            _startedAt = _clock.GetUtcNow();
            if (_environment.Variable(HostJournal.Variable) is { Length: > 0 } journal)
            {
                _journalPath = journal;
                _journal = new JournalWriter(journal, _clock);
                _journal.Write(new JournalEntry.Host(TestApplication.Source, TestApplication.TargetFramework));
                return;
            }
            var parameters = ReportOptions.Parameters(
                _options,
                _configuration.GetTestResultDirectory(),
                TestApplication.TargetFramework
            );
            foreach (
                var warning in parameters.Warnings.Concat([ReportOptions.HealthOn(_options).Warning]).OfType<string>()
            )
            {
                _lines.Add(warning);
            }
            _session = new RunSession(parameters, _lines.Add, _environment, _clock, LiteDbStore.Opener);
            _session.Start(
                [TestApplication.Source],
                TestApplication.PlatformSession(_environment, TestApplication.ParentProcess)
            );
        });
        await _lines.ShowPendingAsync(testSessionContext.CancellationToken).ConfigureAwait(false);
    }

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is TestNodeUpdateMessage update)
        {
            Guard(() => OnUpdate(update.TestNode));
        }
        return Task.CompletedTask;
    }

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        var canceled = testSessionContext.CancellationToken.IsCancellationRequested;
        var elapsed = _clock.GetUtcNow() - _startedAt;
        IReadOnlyList<string> files = [];
        Guard(() =>
        {
            var completion = _finished.End(canceled, elapsed);
            _journal?.Write(new JournalEntry.Ended(canceled, elapsed));
            _journal?.Dispose();
            files = _session?.Complete(completion) ?? [];
        });
        var end = _journalPath is null ? new RunEnd(_lines.Take(), files) : await ControllerReplyAsync();
        // The session's token may be cancelled by now (Ctrl+C): the lines are shown all the same.
        await _lines.ShowAsync([.. _lines.Take(), .. end.Lines], CancellationToken.None).ConfigureAwait(false);
        // dotnet test lists a session's file artifacts under every SDK: that is where its users find the reports.
        foreach (var file in end.Files.Where(File.Exists))
        {
            await _bus.PublishAsync(
                    this,
                    new SessionFileArtifact(
                        testSessionContext.SessionUid,
                        new FileInfo(file),
                        "Uet " + Path.GetFileName(file)
                    )
                )
                .ConfigureAwait(false);
        }
    }

    public void Dispose() => _journal?.Dispose();

    private void OnUpdate(TestNode node)
    {
        var maxOutput = _session?.Parameters.MaxOutputChars ?? OutputLimit.DefaultMaxChars;
        switch (TestNodeResults.Read(node, TestApplication.Source, maxOutput))
        {
            case NodeUpdate.Started started when !_finished.Ended:
                _journal?.Write(new JournalEntry.Started(started.Test));
                break;
            case NodeUpdate.Finished finished when _finished.Accept(finished):
                _journal?.Write(new JournalEntry.Finished(finished.Result));
                _session?.Record(finished.Result);
                break;
        }
    }

    /// <summary>The controller's lines once it has recorded the run (it waits for the store as the recorder does).</summary>
    private async Task<RunEnd> ControllerReplyAsync()
    {
        var reply = HostJournal.ReplyPath(_journalPath!);
        var deadline = _clock.GetUtcNow() + HostJournal.ReplyTimeout;
        while (_clock.GetUtcNow() < deadline)
        {
            if (HostJournal.TryReadReply(reply) is { } end)
            {
                return end;
            }
            await Task.Delay(HostJournal.PollInterval, _clock).ConfigureAwait(false);
        }
        return new RunEnd(
            [
                $"Uet: the test host controller had not recorded the run after {HostJournal.ReplyTimeout.TotalSeconds:0} s; it goes on recording it after the tests end.",
            ],
            []
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
            _lines.Add(
                $"Uet: the reporter failed ({e.GetType().Name}: {e.Message}); the test run is not affected, but this run may be recorded incompletely."
            );
        }
    }
}

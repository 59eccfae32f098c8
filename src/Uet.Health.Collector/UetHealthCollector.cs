using System.Xml;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Uet.Core.Events;
using Uet.Core.Health;

namespace Uet.Health.Collector;

/// <summary>
/// The "UetHealth" data collector. VSTest runs one collector process per test host: this one watches that host
/// with a <see cref="HealthMonitor"/> (progress = a test starting or ending), ends it when it hangs (by default),
/// and at the end of the session sends what it found as a JSON attachment, which the uet logger turns into events
/// and fix tasks. Handlers are O(1) and never throw: the test host waits for each test event to be acknowledged.
/// </summary>
[DataCollectorFriendlyName(FriendlyName)]
[DataCollectorTypeUri(TypeUri)]
public sealed class UetHealthCollector : DataCollector
{
    public const string FriendlyName = "UetHealth";
    public const string TypeUri = "datacollector://uet/health/v1";

    private readonly Lock _gate = new();

    // VSTest makes the collector with its parameterless constructor: this is where the clock is chosen.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly List<(DateTimeOffset At, HealthFinding Finding)> _findings = [];
    private HealthMonitor? _monitor;
    private DataCollectionSink? _sink;
    private DataCollectionLogger? _logger;
    private DataCollectionContext? _context;
    private int _hostId;
    private DateTimeOffset _launchedAt;
    private IReadOnlyList<string> _sources = [];

    public override void Initialize(
        XmlElement? configurationElement,
        DataCollectionEvents events,
        DataCollectionSink dataSink,
        DataCollectionLogger logger,
        DataCollectionEnvironmentContext? environmentContext
    )
    {
        _sink = dataSink;
        _logger = logger;
        _context = environmentContext?.SessionDataCollectionContext;
        var (options, warnings) = HealthSettings.Read(
            key => Setting(configurationElement, key),
            (key, value) => $"{key}={value}"
        );
        if (warnings.Count > 0 && _context is not null)
        {
            logger.LogWarning(_context, "Uet: " + string.Join(" ", warnings));
        }
        _monitor = new HealthMonitor(options, Found, Warn, clock: _clock);
        events.SessionStart += (_, e) =>
            Guard(() => _sources = e.GetPropertyValue<IEnumerable<string>>("TestSources")?.ToList() ?? []);
        events.TestHostLaunched += (_, e) =>
            Guard(() =>
            {
                _hostId = e.TestHostProcessId;
                _launchedAt = Timestamps.Now(_clock);
                _monitor.HostLaunched(e.TestHostProcessId);
                _monitor.Start();
            });
        events.TestCaseStart += (_, e) => _monitor.TestStarted(0, e.TestElement?.FullyQualifiedName ?? e.TestCaseName);
        events.TestCaseEnd += (_, e) => _monitor.TestEnded(0, e.TestElement?.FullyQualifiedName ?? e.TestCaseName);
        events.SessionEnd += (_, _) => Guard(SessionEnded);
    }

    private static string? Setting(XmlElement? configuration, string name) =>
        configuration
            ?.ChildNodes.OfType<XmlElement>()
            .FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?.InnerText;

    protected override void Dispose(bool disposing)
    {
        // A canceled run raises no SessionEnd: the timer stops here too.
        _monitor?.Dispose();
        base.Dispose(disposing);
    }

    private void Found(HealthFinding finding)
    {
        lock (_gate)
        {
            _findings.Add((Timestamps.Now(_clock), finding));
        }
    }

    /// <summary>A last check (a host gone with a test running has crashed), then the report goes to the logger.</summary>
    private void SessionEnded()
    {
        _monitor!.Check();
        _monitor.Dispose();
        if (_hostId == 0 || _sink is null || _context is null)
        {
            return;
        }
        HealthReport report;
        lock (_gate)
        {
            report = new HealthReport(_hostId, _launchedAt, _sources, [.. _findings]);
        }
        var path = Path.Combine(Path.GetTempPath(), $"uet-health-{_hostId}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, report.ToJson().ToJsonString());
        _sink.SendFileAsync(new FileTransferInformation(_context, path, deleteFile: true));
    }

    private void Warn(string message)
    {
        if (_context is not null)
        {
            _logger?.LogWarning(_context, message);
        }
    }

    /// <summary>Never an exception out of a handler: VSTest would turn one into an error that fails the run.</summary>
    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            Warn($"Uet: the health collector failed ({e.GetType().Name}: {e.Message}); the test run is not affected.");
        }
    }
}

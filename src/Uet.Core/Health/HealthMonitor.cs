using System.Diagnostics;
using Uet.Core.Events;

namespace Uet.Core.Health;

/// <summary>
/// Watches test hosts: progress is a test starting or ending, and the host process being alive. Every interval
/// each host is checked: healthy while no test runs or the last progress is younger than one interval, degraded
/// under two, unhealthy beyond. A check that finds a host degraded or unhealthy (after its grace period) fails;
/// <see cref="HealthOptions.MaxFailures"/> failures in a row quarantine it (ended, by default). A host whose process
/// is gone while a test runs in it has crashed. Nothing here throws at the caller: a failure of the monitor itself
/// is reported once and the monitor stops.
/// </summary>
public sealed class HealthMonitor : IDisposable
{
    private readonly HealthOptions _options;
    private readonly Action<HealthFinding> _report;
    private readonly Action<string> _warn;
    private readonly Func<int, bool> _isAlive;
    private readonly Action<int> _kill;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, WatchedHost> _hosts = [];
    private ITimer? _timer;
    private bool _failed;

    public HealthMonitor(
        HealthOptions options,
        Action<HealthFinding> report,
        Action<string> warn,
        Func<int, bool>? isAlive = null,
        Action<int>? kill = null,
        TimeProvider? clock = null
    )
    {
        _clock = clock ?? TimeProvider.System;
        _options = options;
        _report = report;
        _warn = warn;
        _isAlive = isAlive ?? IsAlive;
        _kill = kill ?? Kill;
    }

    /// <summary>Checks every interval from now on, on the clock's timer (a second call changes nothing).</summary>
    public void Start() => _timer ??= _clock.CreateTimer(_ => Tick(), null, _options.Interval, _options.Interval);

    public void HostLaunched(int hostId) => Guard(() => _hosts.TryAdd(hostId, new WatchedHost(hostId, Now())));

    /// <summary>A test started in a host (the only or latest one when the platform does not say which: id 0).</summary>
    public void TestStarted(int hostId, string test) => Guard(() => Host(hostId)?.Started(test, Now()));

    public void TestEnded(int hostId, string test) => Guard(() => Host(hostId)?.Ended(test, Now()));

    /// <summary>One check of every host, as of <paramref name="now"/>; the findings are also reported.</summary>
    public IReadOnlyList<HealthFinding> Check(DateTimeOffset now)
    {
        var findings = new List<HealthFinding>();
        lock (_gate)
        {
            foreach (var host in _hosts.Values.Where(h => !h.Done))
            {
                if (CheckHost(host, now) is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }
        foreach (var finding in findings)
        {
            _report(finding);
        }
        return findings;
    }

    /// <summary>One check of every host, now by the monitor's clock.</summary>
    public IReadOnlyList<HealthFinding> Check() => Check(Now());

    public void Dispose() => _timer?.Dispose();

    private DateTimeOffset Now() => Timestamps.Now(_clock);

    private HealthFinding? CheckHost(WatchedHost host, DateTimeOffset now)
    {
        var age = now - host.LastProgress;
        if (!_isAlive(host.Id))
        {
            host.Done = true;
            return host.IsRunningTests
                ? new HealthFinding(
                    EventKinds.WorkerCrashed,
                    host.Id,
                    host.Health,
                    host.OldestRunning,
                    age,
                    host.Failures
                )
                : null;
        }
        host.Health =
            !host.IsRunningTests || age < _options.Interval ? HostHealth.Healthy
            : age < 2 * _options.Interval ? HostHealth.Degraded
            : HostHealth.Unhealthy;
        if (host.Health == HostHealth.Healthy || now - host.LaunchedAt < _options.Grace)
        {
            host.Failures = 0;
            return null;
        }
        host.Failures++;
        if (host.Failures < _options.MaxFailures)
        {
            return new HealthFinding(
                EventKinds.WorkerHealthCheckFailed,
                host.Id,
                host.Health,
                host.OldestRunning,
                age,
                host.Failures
            );
        }
        host.Done = true;
        var killed = _options.Action == QuarantineAction.Kill && TryKill(host.Id);
        return new HealthFinding(
            EventKinds.WorkerQuarantined,
            host.Id,
            host.Health,
            host.OldestRunning,
            age,
            host.Failures,
            killed
        );
    }

    private WatchedHost? Host(int hostId) =>
        _hosts.TryGetValue(hostId, out var host) ? host
        : hostId == 0 && _hosts.Count > 0 ? _hosts.Values.MaxBy(h => h.LaunchedAt)
        : null;

    private void Tick()
    {
        try
        {
            Check(Now());
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private void Guard(Action action)
    {
        try
        {
            lock (_gate)
            {
                action();
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    /// <summary>The monitor's own failure: said once, and the monitor stops; the run goes on.</summary>
    private void Fail(Exception e)
    {
        lock (_gate)
        {
            if (_failed)
            {
                return;
            }
            _failed = true;
        }
        _timer?.Dispose();
        _warn(
            $"Uet: the health monitor failed ({e.GetType().Name}: {e.Message}) and stopped; the test run is not affected."
        );
    }

    private bool TryKill(int hostId)
    {
        try
        {
            _kill(hostId);
            return true;
        }
        catch (Exception e)
            when (e is InvalidOperationException or System.ComponentModel.Win32Exception or ArgumentException)
        {
            return false; // Gone already, or not ours to end.
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Kill(int processId)
    {
        using var process = Process.GetProcessById(processId);
        process.Kill(entireProcessTree: true);
    }
}

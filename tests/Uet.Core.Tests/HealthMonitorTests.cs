using Microsoft.Extensions.Time.Testing;
using Uet.Core.Events;
using Uet.Core.Health;

namespace Uet.Core.Tests;

/// <summary>
/// The health monitor's timing rules on a fake clock, with stand-in hosts (which are alive, which were ended);
/// <c>Uet.Core.IntegrationTests</c> has the same monitor on real processes.
/// </summary>
[TestClass]
public sealed class HealthMonitorTests
{
    private static readonly HealthOptions EverySecond = new()
    {
        Interval = TimeSpan.FromSeconds(1),
        Grace = TimeSpan.Zero,
        MaxFailures = 3,
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HashSet<int> _alive = [101, 202, 303];
    private readonly List<int> _killed = [];
    private readonly List<HealthFinding> _findings = [];
    private readonly List<string> _warnings = [];

    [TestMethod]
    public void StatesFollowTheAgeOfTheLastProgress()
    {
        using var monitor = Monitor(EverySecond);
        monitor.HostLaunched(101);
        monitor.TestStarted(101, "T.Slow");
        var start = _clock.GetUtcNow();

        foreach (var seconds in new[] { 0.5, 1.2, 2.2, 3.2 })
        {
            monitor.Check(start + TimeSpan.FromSeconds(seconds));
        }

        CollectionAssert.AreEqual(
            new[]
            {
                (EventKinds.WorkerHealthCheckFailed, HostHealth.Degraded),
                (EventKinds.WorkerHealthCheckFailed, HostHealth.Unhealthy),
                (EventKinds.WorkerQuarantined, HostHealth.Unhealthy),
            },
            _findings.Select(f => (f.Kind, f.Health)).ToList(),
            "healthy under one interval, degraded under two, unhealthy beyond"
        );
        CollectionAssert.AreEqual(new[] { 101 }, _killed, "the quarantined host is ended");
    }

    [TestMethod]
    public void TheTimerChecksEveryIntervalAndAHangIsQuarantinedAtTheThirdFailedCheck()
    {
        using var monitor = Monitor(EverySecond);
        monitor.HostLaunched(101);
        monitor.TestStarted(101, "Shop.Tests.Checkout.Hangs");
        monitor.Start();
        monitor.Start(); // A second start makes no second timer.

        for (var second = 0; second < 6; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        CollectionAssert.AreEqual(
            new[]
            {
                (EventKinds.WorkerHealthCheckFailed, 1),
                (EventKinds.WorkerHealthCheckFailed, 2),
                (EventKinds.WorkerQuarantined, 3),
            },
            _findings.Select(f => (f.Kind, f.Failures)).ToList()
        );
        var quarantine = _findings[^1];
        Assert.AreEqual(
            ("Shop.Tests.Checkout.Hangs", 101, true),
            (quarantine.Test, quarantine.HostId, quarantine.Killed)
        );
        Assert.AreEqual(TimeSpan.FromSeconds(3), quarantine.ProgressAge);
    }

    [TestMethod]
    public void ASlowButProgressingHostIsNeverDegraded()
    {
        using var monitor = Monitor(EverySecond);
        monitor.HostLaunched(101);
        monitor.Start();

        for (var i = 0; i < 10; i++) // 4 seconds of tests of 0.4 s each.
        {
            monitor.TestStarted(101, $"Shop.Tests.Slow.Case{i}");
            _clock.Advance(TimeSpan.FromMilliseconds(400));
            monitor.TestEnded(101, $"Shop.Tests.Slow.Case{i}");
        }

        Assert.AreEqual(0, _findings.Count, string.Join(", ", _findings));
    }

    [TestMethod]
    public void OfThreeHostsOnlyTheHangingOneIsQuarantined()
    {
        using var monitor = Monitor(EverySecond);
        foreach (var host in new[] { 101, 202, 303 })
        {
            monitor.HostLaunched(host);
        }
        monitor.TestStarted(101, "A.Tests.Hangs");
        monitor.Start();

        for (var i = 0; i < 12; i++)
        {
            monitor.TestStarted(202, $"B.Tests.Case{i}");
            _clock.Advance(TimeSpan.FromMilliseconds(400));
            monitor.TestEnded(202, $"B.Tests.Case{i}");
        }

        Assert.IsTrue(_findings.All(f => f.HostId == 101), string.Join(", ", _findings));
        Assert.AreEqual(EventKinds.WorkerQuarantined, _findings[^1].Kind);
        CollectionAssert.AreEqual(new[] { 101 }, _killed);
    }

    [TestMethod]
    public void ChecksInTheGracePeriodDoNotFailAndReportOnlyLeavesTheHostRunning()
    {
        var options = EverySecond with { Grace = TimeSpan.FromSeconds(2), Action = QuarantineAction.Report };
        using var monitor = Monitor(options);
        monitor.HostLaunched(101);
        monitor.TestStarted(101, "T.Hangs");
        var start = _clock.GetUtcNow();

        foreach (var seconds in new[] { 1.5, 2.5, 3.5, 4.5 })
        {
            monitor.Check(start + TimeSpan.FromSeconds(seconds));
        }

        CollectionAssert.AreEqual(
            new[] { 1, 2, 3 },
            _findings.Select(f => f.Failures).ToArray(),
            "the check at 1.5 s was in the grace period"
        );
        Assert.AreEqual(EventKinds.WorkerQuarantined, _findings[^1].Kind);
        Assert.IsFalse(_findings[^1].Killed);
        Assert.AreEqual(0, _killed.Count, "QuarantineAction report leaves the host running");
    }

    [TestMethod]
    public void AHostGoneWithATestRunningHasCrashedOnceAndAnIdleOneThatEndsHasNot()
    {
        using var monitor = Monitor(EverySecond);
        monitor.HostLaunched(101);
        monitor.HostLaunched(202);
        monitor.TestStarted(101, "Shop.Tests.Native.Crashes");
        _alive.Clear();

        var found = monitor.Check();

        Assert.AreEqual(1, found.Count);
        Assert.AreEqual((EventKinds.WorkerCrashed, "Shop.Tests.Native.Crashes"), (found[0].Kind, found[0].Test));
        Assert.AreEqual(0, monitor.Check().Count, "a crash is reported once");
    }

    [TestMethod]
    public void AFailureInsideTheMonitorIsReportedOnceAndTheCallerIsNotHurt()
    {
        using var monitor = new HealthMonitor(
            EverySecond,
            _findings.Add,
            _warnings.Add,
            isAlive: _ => throw new InvalidOperationException("no /proc"),
            clock: _clock
        );
        monitor.HostLaunched(12345);
        monitor.TestStarted(12345, "T.X");

        monitor.Start();
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        monitor.TestEnded(12345, "T.X");

        Assert.AreEqual(1, _warnings.Count, string.Join("\n", _warnings));
        StringAssert.StartsWith(_warnings[0], "Uet: the health monitor failed (InvalidOperationException: no /proc)");
    }

    private HealthMonitor Monitor(HealthOptions options) =>
        new(
            options,
            _findings.Add,
            _warnings.Add,
            isAlive: _alive.Contains,
            kill: id =>
            {
                _killed.Add(id);
                _alive.Remove(id);
            },
            clock: _clock
        );
}

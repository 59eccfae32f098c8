using System.Collections.Concurrent;
using System.Diagnostics;
using Uet.Core.Events;
using Uet.Core.Health;

namespace Uet.Core.Tests;

/// <summary>The health monitor on real processes standing in for test hosts, with a check every second.</summary>
[TestClass]
public sealed class HealthMonitorTests
{
    private static readonly HealthOptions EverySecond = new()
    {
        Interval = TimeSpan.FromSeconds(1),
        Grace = TimeSpan.Zero,
        MaxFailures = 3,
    };

    [TestMethod]
    public void AHostWhoseTestHangsIsQuarantinedAfterThreeFailedChecksAndEnded()
    {
        using var host = Process.Start("sleep", "600");
        var findings = new ConcurrentQueue<HealthFinding>();
        using var monitor = new HealthMonitor(EverySecond, findings.Enqueue, _ => { });
        monitor.HostLaunched(host.Id);
        monitor.TestStarted(host.Id, "Shop.Tests.Checkout.Hangs");

        monitor.Start();
        var ended = host.WaitForExit(TimeSpan.FromSeconds(8));

        Assert.IsTrue(ended, "the host was ended");
        // (The states at each check are in StatesFollowTheAgeOfTheLastProgress: a timer's ticks drift by milliseconds.)
        CollectionAssert.AreEqual(
            new[]
            {
                (EventKinds.WorkerHealthCheckFailed, 1),
                (EventKinds.WorkerHealthCheckFailed, 2),
                (EventKinds.WorkerQuarantined, 3),
            },
            findings.Select(f => (f.Kind, f.Failures)).ToList()
        );
        var quarantine = findings.Last();
        Assert.AreEqual("Shop.Tests.Checkout.Hangs", quarantine.Test);
        Assert.AreEqual(host.Id, quarantine.HostId);
        Assert.IsTrue(quarantine.Killed);
        Assert.IsTrue(
            quarantine.ProgressAge >= TimeSpan.FromSeconds(2),
            $"two intervals or more without progress, was {quarantine.ProgressAge}"
        );
    }

    [TestMethod]
    public void StatesFollowTheAgeOfTheLastProgress()
    {
        using var host = Process.Start("sleep", "600");
        var findings = new List<HealthFinding>();
        using var monitor = new HealthMonitor(EverySecond, findings.Add, _ => { });
        monitor.HostLaunched(host.Id);
        monitor.TestStarted(host.Id, "T.Slow");
        var start = Timestamps.Now(TimeProvider.System);

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
            findings.Select(f => (f.Kind, f.Health)).ToList(),
            "healthy under one interval, degraded under two, unhealthy beyond"
        );
        Assert.IsTrue(host.WaitForExit(TimeSpan.FromSeconds(5)));
    }

    [TestMethod]
    public void AHostThatDiesWithATestRunningHasCrashedWithThatTest()
    {
        using var host = Process.Start("sleep", "0.3");
        var findings = new ConcurrentQueue<HealthFinding>();
        using var monitor = new HealthMonitor(EverySecond, findings.Enqueue, _ => { });
        monitor.HostLaunched(host.Id);
        monitor.TestStarted(host.Id, "Shop.Tests.Native.Crashes");
        host.WaitForExit();

        var found = monitor.Check(Timestamps.Now(TimeProvider.System));

        Assert.AreEqual(1, found.Count);
        Assert.AreEqual((EventKinds.WorkerCrashed, "Shop.Tests.Native.Crashes"), (found[0].Kind, found[0].Test));
        Assert.AreEqual(0, monitor.Check(Timestamps.Now(TimeProvider.System)).Count, "a crash is reported once");
    }

    [TestMethod]
    public void ASlowButProgressingHostIsNeverDegraded()
    {
        using var host = Process.Start("sleep", "600");
        var findings = new ConcurrentQueue<HealthFinding>();
        using var monitor = new HealthMonitor(EverySecond, findings.Enqueue, _ => { });
        monitor.HostLaunched(host.Id);
        monitor.Start();

        for (var i = 0; i < 10; i++) // 4 seconds of tests of 0.4 s each.
        {
            monitor.TestStarted(host.Id, $"Shop.Tests.Slow.Case{i}");
            Thread.Sleep(400);
            monitor.TestEnded(host.Id, $"Shop.Tests.Slow.Case{i}");
        }

        Assert.AreEqual(0, findings.Count, string.Join(", ", findings));
        host.Kill();
    }

    [TestMethod]
    public void OfThreeHostsOnlyTheHangingOneIsQuarantined()
    {
        using var hanging = Process.Start("sleep", "600");
        using var busy = Process.Start("sleep", "600");
        using var idle = Process.Start("sleep", "600");
        var findings = new ConcurrentQueue<HealthFinding>();
        using var monitor = new HealthMonitor(EverySecond, findings.Enqueue, _ => { });
        foreach (var host in new[] { hanging, busy, idle })
        {
            monitor.HostLaunched(host.Id);
        }
        monitor.TestStarted(hanging.Id, "A.Tests.Hangs");
        monitor.Start();

        for (var i = 0; i < 12 && !hanging.HasExited; i++)
        {
            monitor.TestStarted(busy.Id, $"B.Tests.Case{i}");
            Thread.Sleep(400);
            monitor.TestEnded(busy.Id, $"B.Tests.Case{i}");
        }

        Assert.IsTrue(hanging.WaitForExit(TimeSpan.FromSeconds(3)));
        Assert.IsTrue(findings.All(f => f.HostId == hanging.Id), string.Join(", ", findings));
        Assert.AreEqual(EventKinds.WorkerQuarantined, findings.Last().Kind);
        Assert.IsFalse(busy.HasExited || idle.HasExited);
        busy.Kill();
        idle.Kill();
    }

    [TestMethod]
    public void ChecksInTheGracePeriodDoNotFailAndReportOnlyLeavesTheHostRunning()
    {
        using var host = Process.Start("sleep", "600");
        var findings = new List<HealthFinding>();
        var options = EverySecond with { Grace = TimeSpan.FromSeconds(2), Action = QuarantineAction.Report };
        using var monitor = new HealthMonitor(options, findings.Add, _ => { });
        monitor.HostLaunched(host.Id);
        monitor.TestStarted(host.Id, "T.Hangs");
        var start = Timestamps.Now(TimeProvider.System);

        foreach (var seconds in new[] { 1.5, 2.5, 3.5, 4.5 })
        {
            monitor.Check(start + TimeSpan.FromSeconds(seconds));
        }

        CollectionAssert.AreEqual(
            new[] { 1, 2, 3 },
            findings.Select(f => f.Failures).ToArray(),
            "the check at 1.5 s was in the grace period"
        );
        Assert.AreEqual(EventKinds.WorkerQuarantined, findings[^1].Kind);
        Assert.IsFalse(findings[^1].Killed);
        Assert.IsFalse(host.HasExited, "QuarantineAction report leaves the host running");
        host.Kill();
    }

    [TestMethod]
    public void AFailureInsideTheMonitorIsReportedOnceAndTheCallerIsNotHurt()
    {
        var warnings = new List<string>();
        using var monitor = new HealthMonitor(
            EverySecond,
            _ => { },
            warnings.Add,
            isAlive: _ => throw new InvalidOperationException("no /proc")
        );
        monitor.HostLaunched(12345);
        monitor.TestStarted(12345, "T.X");

        monitor.Start();
        Thread.Sleep(2500);
        monitor.TestEnded(12345, "T.X");

        Assert.AreEqual(1, warnings.Count, string.Join("\n", warnings));
        StringAssert.StartsWith(warnings[0], "Uet: the health monitor failed (InvalidOperationException: no /proc)");
    }
}

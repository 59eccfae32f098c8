using System.Collections.Concurrent;
using System.Diagnostics;
using Uet.Core.Events;
using Uet.Core.Health;

namespace Uet.Core.IntegrationTests;

/// <summary>
/// The health monitor on real processes standing in for test hosts, on the real clock with a check every second:
/// hung ones really ended, a dead one seen as crashed. The timing rules are tested on a fake clock in Uet.Core.Tests.
/// </summary>
[TestClass]
public sealed class RealHostHealthTests
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
        // (The states at each check are tested on a fake clock: a real timer's ticks drift by milliseconds.)
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
}

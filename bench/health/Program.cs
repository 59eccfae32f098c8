// The cost of the health monitor's check: HOSTS live processes (sleep) watched, each with a test running and
// recent progress, checked CHECKS times; CPU time of the process per host per check, median of 5 rounds.
// Run: dotnet run -c Release --project bench/health [HOSTS=8] [CHECKS=2000]
using System.Diagnostics;
using System.Globalization;
using Uet.Core.Health;

var hosts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
var checks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var processes = Enumerable.Range(0, hosts).Select(_ => Process.Start("sleep", "600")).ToList();
try
{
    var findings = 0;
    using var monitor = new HealthMonitor(
        new HealthOptions { Interval = TimeSpan.FromSeconds(30) },
        _ => findings++,
        Console.Error.WriteLine
    );
    foreach (var process in processes)
    {
        monitor.HostLaunched(process.Id);
        monitor.TestStarted(process.Id, $"Bench.Tests.Case{process.Id}");
    }
    var perHostCheck = new List<double>();
    for (var round = 0; round <= 5; round++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < checks; i++)
        {
            monitor.Check();
        }
        var spent = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        if (round > 0)
        {
            perHostCheck.Add(spent / checks / hosts);
        }
    }
    perHostCheck.Sort();
    Console.WriteLine(
        $"{hosts} hosts, {checks} checks a round: {perHostCheck[perHostCheck.Count / 2] * 1000:0.0} µs of CPU per host per check (median of 5; max {perHostCheck[^1] * 1000:0.0} µs); findings {findings}"
    );
}
finally
{
    processes.ForEach(p => p.Kill());
}

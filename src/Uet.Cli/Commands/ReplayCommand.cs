using System.CommandLine;
using Uet.Core.Runs;
using Uet.FixTasks.Tasks;

namespace Uet.Cli.Commands;

/// <summary>
/// <c>uet replay</c>: rebuilds a run's state (or each run of a session) from its events alone and compares it with
/// the stored state; then the fix tasks' status and priority from every run's feedback events. Exit code 0 when
/// they are equal, 1 with the differences listed.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CommandContext context)
    {
        var output = context.Output;
        var db = StoreOptions.Db();
        var run = StoreOptions.Run();
        var session = StoreOptions.Session();
        var command = new Command(
            "replay",
            "Rebuild a run (or every run of a session) from its events and compare it with the stored state."
        )
        {
            db,
            run,
            session,
        };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(context, parse.GetValue(db));
            var equal = true;
            foreach (var stored in StoreOptions.Select(store, parse.GetValue(run), parse.GetValue(session)))
            {
                equal &= Replay(store, stored, output);
            }
            equal &= ReplayFixTasks(store, output);
            return equal ? ExitCodes.Success : ExitCodes.Difference;
        });
        return command;
    }

    /// <summary>The test hosts the store keeps for a run against the run's health events: the same findings, by kind.</summary>
    private static IEnumerable<string> HostDifferences(
        IReadOnlyList<Core.Health.HealthReport> hosts,
        IReadOnlyList<Core.Events.RunEvent> events
    )
    {
        var stored = hosts
            .SelectMany(h => h.Findings)
            .GroupBy(f => f.Finding.Kind)
            .ToDictionary(g => g.Key, g => g.Count());
        var replayed = events
            .Where(e => Core.Events.EventKinds.HostKinds.Contains(e.Kind))
            .GroupBy(e => e.Kind)
            .ToDictionary(g => g.Key, g => g.Count());
        return stored
            .Keys.Union(replayed.Keys)
            .Order(StringComparer.Ordinal)
            .Where(kind => stored.GetValueOrDefault(kind) != replayed.GetValueOrDefault(kind))
            .Select(kind =>
                $"test hosts: {stored.GetValueOrDefault(kind)} {kind} stored, {replayed.GetValueOrDefault(kind)} in the events"
            );
    }

    /// <summary>The fix tasks from the feedback events of every run, oldest first, against the stored tasks.</summary>
    private static bool ReplayFixTasks(Core.Store.IRunStore store, TextWriter output)
    {
        var tasks = store.FixTasks().Select(FixTaskJson.FromStored).ToList();
        if (tasks.Count == 0)
        {
            return true;
        }
        var replayed = FixTaskProjection.Replay(store.Runs().SelectMany(r => store.Events(r.RunId)));
        var differences = FixTaskProjection.Differences(tasks, replayed);
        if (differences.Count == 0)
        {
            output.WriteLine(
                $"fix tasks: the {tasks.Count} tasks rebuilt from their events have the stored status and priority ({tasks.Count(t => t.IsOpen)} open)."
            );
            return true;
        }
        output.WriteLine("fix tasks: rebuilt from their events, they differ from the stored tasks:");
        foreach (var difference in differences)
        {
            output.WriteLine($"  {difference}");
        }
        return false;
    }

    private static bool Replay(Core.Store.IRunStore store, RunState stored, TextWriter output)
    {
        var events = store.Events(stored.RunId);
        RunState replayed;
        try
        {
            replayed = RunProjection.Replay(events);
        }
        catch (InvalidDataException e)
        {
            output.WriteLine($"run {stored.RunId}: cannot be rebuilt from its {events.Count} events: {e.Message}");
            return false;
        }
        var differences = RunDifferences
            .Between(stored, replayed)
            .Concat(HostDifferences(store.Hosts(stored.RunId), events))
            .ToList();
        if (differences.Count == 0)
        {
            output.WriteLine(
                $"run {stored.RunId}: the state rebuilt from {events.Count} events equals the stored state ({replayed.State}, {replayed.Passed} passed, {replayed.Failed} failed, {replayed.Skipped} skipped)."
            );
            return true;
        }
        output.WriteLine(
            $"run {stored.RunId}: the state rebuilt from {events.Count} events differs from the stored state:"
        );
        foreach (var difference in differences)
        {
            output.WriteLine($"  {difference}");
        }
        return false;
    }
}

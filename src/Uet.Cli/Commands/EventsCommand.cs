using System.CommandLine;
using System.Text.Json.Nodes;

namespace Uet.Cli.Commands;

/// <summary>
/// <c>uet events</c>: a run's events in order, as a timeline or as <c>run_event</c> JSON documents; with
/// <c>--session</c>, the events of every run of the session, interleaved in time.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(CommandContext context)
    {
        var output = context.Output;
        var db = StoreOptions.Db();
        var run = StoreOptions.Run();
        var session = StoreOptions.Session();
        var json = StoreOptions.Json();
        var kind = new Option<string?>("--kind") { Description = "Only events of this kind (e.g. test_failed)." };
        var command = new Command("events", "Print a run's (or a test session's) events in the order they happened.")
        {
            db,
            run,
            session,
            kind,
            json,
        };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(context, parse.GetValue(db));
            var runs = StoreOptions.Select(store, parse.GetValue(run), parse.GetValue(session));
            var projects = runs.ToDictionary(r => r.RunId, r => r.Project);
            var events = runs.SelectMany(r => store.Events(r.RunId))
                .Where(e =>
                    parse.GetValue(kind) is not { } wanted
                    || string.Equals(e.Kind, wanted, StringComparison.OrdinalIgnoreCase)
                )
                .OrderBy(e => e.Ts)
                .ThenBy(e => e.EventId, StringComparer.Ordinal)
                .ToList();
            if (parse.GetValue(json))
            {
                output.WriteLine(new JsonArray([.. events.Select(e => e.ToJson())]).ToJsonString(JsonOutput.Indented));
                return ExitCodes.Success;
            }
            foreach (var found in runs)
            {
                output.WriteLine(
                    $"run {found.RunId}: {found.Project} ({found.TargetFramework ?? "?"}), session {found.SessionId}, {found.State}{(found.Aborted ? " (aborted)" : "")}"
                );
            }
            foreach (var runEvent in events)
            {
                output.WriteLine(
                    runs.Count > 1
                        ? $"{projects[runEvent.RunId]}  {EventLine.Format(runEvent)}"
                        : EventLine.Format(runEvent)
                );
            }
            return ExitCodes.Success;
        });
        return command;
    }
}

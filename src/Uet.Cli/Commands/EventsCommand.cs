using System.CommandLine;
using System.Text.Json.Nodes;

namespace Uet.Cli.Commands;

/// <summary><c>uet events</c>: a run's events in order, as a timeline or as <c>run_event</c> JSON documents.</summary>
internal static class EventsCommand
{
    public static Command Create(TextWriter output)
    {
        var db = StoreOptions.Db();
        var run = StoreOptions.Run();
        var json = StoreOptions.Json();
        var kind = new Option<string?>("--kind") { Description = "Only events of this kind (e.g. test_failed)." };
        var command = new Command("events", "Print a run's events in the order they happened.") { db, run, kind, json };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(parse.GetValue(db));
            var found = StoreOptions.FindRun(store, parse.GetValue(run)!);
            var events = store.Events(found.RunId)
                .Where(e => parse.GetValue(kind) is not { } wanted || string.Equals(e.Kind, wanted, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (parse.GetValue(json))
            {
                output.WriteLine(new JsonArray([.. events.Select(e => e.ToJson())]).ToJsonString(JsonOutput.Indented));
                return ExitCodes.Success;
            }
            output.WriteLine($"run {found.RunId}: {found.Project} ({found.TargetFramework ?? "?"}), session {found.SessionId}, {found.State}{(found.Aborted ? " (aborted)" : "")}");
            foreach (var runEvent in events)
            {
                output.WriteLine(EventLine.Format(runEvent));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}

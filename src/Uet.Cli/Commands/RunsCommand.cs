using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Uet.Core.Runs;

namespace Uet.Cli.Commands;

/// <summary><c>uet runs</c>: every recorded run, grouped by test session, oldest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CommandContext context)
    {
        var output = context.Output;
        var db = StoreOptions.Db();
        var json = StoreOptions.Json();
        var session = new Option<string?>("--session") { Description = "Only the runs of this test session." };
        var command = new Command("runs", "List recorded runs and the test sessions they belong to.")
        {
            db,
            json,
            session,
        };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(context, parse.GetValue(db));
            var runs = store.Runs().Where(r => parse.GetValue(session) is not { } id || r.SessionId == id).ToList();
            if (parse.GetValue(json))
            {
                output.WriteLine(
                    new JsonArray([.. runs.Select(r => r.ToSummaryJson())]).ToJsonString(JsonOutput.Indented)
                );
            }
            else
            {
                WriteText(output, runs);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, List<RunState> runs)
    {
        if (runs.Count == 0)
        {
            output.WriteLine("No runs recorded.");
            return;
        }
        foreach (var session in runs.GroupBy(r => r.SessionId))
        {
            var sessionRuns = session.ToList();
            output.WriteLine(
                $"session {session.Key}: {sessionRuns.Count} run(s), {sessionRuns.Sum(r => r.Passed)} passed, {sessionRuns.Sum(r => r.Failed)} failed, {sessionRuns.Sum(r => r.Skipped)} skipped"
            );
            foreach (var run in sessionRuns)
            {
                var duration = run.EndedAt is { } ended
                    ? $"{(ended - run.StartedAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
                    : "-";
                var state = run.Aborted && run.State != RunStates.Canceled ? $"{run.State} (aborted)" : run.State;
                output.WriteLine(
                    $"  {run.RunId}  {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  {run.Project} ({run.TargetFramework ?? "?"})  {state}  "
                        + $"{run.Passed} passed, {run.Failed} failed, {run.Skipped} skipped  {duration}"
                );
            }
        }
    }
}

using System.CommandLine;
using Uet.FixTasks.Reports;

namespace Uet.Cli.Commands;

/// <summary><c>uet report --out DIR [--session ID]</c>: fix-tasks.md, fix-tasks.json and fix-tasks.html from the store.</summary>
internal static class ReportCommand
{
    public static Command Create(CommandContext context)
    {
        var output = context.Output;
        var db = StoreOptions.Db();
        var outDir = new Option<string>("--out")
        {
            Description = "The folder for fix-tasks.md, fix-tasks.json and fix-tasks.html.",
            Required = true,
        };
        var session = new Option<string?>("--session")
        {
            Description = "The test session whose runs the report shows (default: the latest).",
        };
        var command = new Command("report", "Write the fix-task reports (Markdown, JSON, HTML) from the store.")
        {
            db,
            outDir,
            session,
        };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(context, parse.GetValue(db));
            if (parse.GetValue(session) is { } id && store.Runs().All(r => r.SessionId != id))
            {
                throw new CommandException($"{store.Location}: no test session '{id}'. `uet runs` lists the sessions.");
            }
            var data = ReportData.FromStore(store, parse.GetValue(session), context.Clock.GetUtcNow());
            var directory = Path.GetFullPath(parse.GetValue(outDir)!);
            try
            {
                ReportWriter.Write(data, directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandException($"{directory}: the reports cannot be written: {e.Message}");
            }
            output.WriteLine(
                $"Fix tasks: {MarkdownReport.Summary(data)}; reports in {directory} ({MarkdownReport.FileName}, {JsonReport.FileName}, {HtmlReport.FileName})."
            );
            return ExitCodes.Success;
        });
        return command;
    }
}

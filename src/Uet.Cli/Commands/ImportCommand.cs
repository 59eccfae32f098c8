using System.CommandLine;
using Uet.Core.Recording;

namespace Uet.Cli.Commands;

/// <summary>
/// <c>uet import FILE...</c>: brings the JSONL files the logger wrote when the store could not be used
/// (<c>TestResults/uet-events-RUN.jsonl</c>) into the store; events already there are not added twice.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CommandContext context)
    {
        var output = context.Output;
        var db = StoreOptions.Db();
        var files = new Argument<string[]>("files")
        {
            Description = "JSONL files of run_event documents, one a line.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "import",
            "Import the events a run wrote to a JSONL file when the store was unusable."
        )
        {
            db,
            files,
        };
        command.SetAction(parse =>
        {
            var events = new List<Core.Events.RunEvent>();
            foreach (var file in parse.GetValue(files)!)
            {
                if (!File.Exists(file))
                {
                    throw new CommandException($"{file}: no such file.");
                }
                var (read, skipped) = JsonlFallback.Read(file);
                if (skipped > 0)
                {
                    output.WriteLine(
                        $"{file}: {skipped} line(s) that are not run_event documents skipped (a line cut by a crash is one)."
                    );
                }
                events.AddRange(read);
            }
            using var store = StoreOptions.Open(context, parse.GetValue(db), createIfMissing: true);
            try
            {
                foreach (var imported in store.Import(events))
                {
                    var run = imported.Run;
                    output.WriteLine(
                        $"run {run.RunId}: {imported.Added} event(s) imported, {imported.AlreadyStored} already in {store.Location}; "
                            + $"{run.State}, {run.Passed} passed, {run.Failed} failed, {run.Skipped} skipped."
                    );
                }
            }
            catch (InvalidDataException e)
            {
                throw new CommandException(
                    $"the events cannot be imported: {e.Message} (is the run_started event missing?)"
                );
            }
            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using Uet.Cli.Commands;
using Uet.Core.Store;

namespace Uet.Cli;

/// <summary>The <c>uet</c> command line. Exit codes: 0 done, 1 a difference found (replay), 2 an error.</summary>
public static class UetCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Run(args, CommandContext.For(output), error);

    public static int Run(string[] args, CommandContext context, TextWriter error)
    {
        var output = context.Output;
        var root = new RootCommand(
            "Uet: recorded test runs, their events and replay, fix tasks and their reports, token budgets."
        )
        {
            RunsCommand.Create(context),
            EventsCommand.Create(context),
            ReplayCommand.Create(context),
            ImportCommand.Create(context),
            ContextCommand.Create(context),
            TasksCommand.Create(context),
            ReportCommand.Create(context),
        };
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    error.WriteLine($"uet: {parseError.Message}");
                }
                error.WriteLine("uet --help lists the commands and their options.");
                return ExitCodes.Error;
            }
            return parsed.Invoke(configuration);
        }
        catch (Exception e) when (e is CommandException or StoreException)
        {
            error.WriteLine($"uet: {e.Message}");
            return ExitCodes.Error;
        }
    }
}

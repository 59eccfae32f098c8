using System.CommandLine;
using Uet.Cli.Commands;
using Uet.Core.Store;

namespace Uet.Cli;

/// <summary>The <c>uet</c> command line. Exit codes: 0 done, 1 a difference found (replay), 2 an error.</summary>
public static class UetCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Uet: recorded test runs, their events and replay, fix tasks and their reports, token budgets."
        )
        {
            RunsCommand.Create(output),
            EventsCommand.Create(output),
            ReplayCommand.Create(output),
            ImportCommand.Create(output),
            ContextCommand.Create(output),
            TasksCommand.Create(output),
            ReportCommand.Create(output),
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

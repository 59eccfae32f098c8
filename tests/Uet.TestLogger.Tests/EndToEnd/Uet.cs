using Uet.Cli;

namespace Uet.TestLogger.Tests.EndToEnd;

/// <summary>Runs the `uet` command in-process, as a user would on the command line.</summary>
internal static class Uet
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var exitCode = UetCommand.Run(arguments, output, output);
        return (exitCode, output.ToString());
    }
}

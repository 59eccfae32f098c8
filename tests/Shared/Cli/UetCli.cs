using Uet.Cli;

namespace Uet.Tests.Shared;

/// <summary>Runs the `uet` command in-process, as a user would on the command line. Compiled into the test projects that set UetCliHelpers.</summary>
internal static class UetCli
{
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var exitCode = UetCommand.Run(arguments, output, output);
        return (exitCode, output.ToString());
    }
}

using Uet.Cli;
using Uet.Core.Seams;

namespace Uet.Tests.Shared;

/// <summary>Runs the `uet` command in-process, as a user would on the command line. Compiled into the test projects that set UetCliHelpers.</summary>
internal static class UetCli
{
    /// <summary>The command with no environment variables of its own (the test process's are not read).</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments) =>
        RunWith(new Dictionary<string, string>(), arguments);

    /// <summary>The command with these environment variables only.</summary>
    public static (int ExitCode, string Output) RunWith(
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments
    )
    {
        var output = new StringWriter();
        var context = new CommandContext(output, EnvironmentReader.Of(environment), TimeProvider.System);
        var exitCode = UetCommand.Run(arguments, context, output);
        return (exitCode, output.ToString());
    }
}

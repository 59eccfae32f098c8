namespace Uet.TestLogger;

/// <summary>What the logger reads from its process: environment variables and vstest.console's command line.</summary>
internal sealed record LoggerEnvironment(Func<string, string?> Variable, Func<IReadOnlyList<string>> CommandLine)
{
    public static LoggerEnvironment Process { get; } =
        new(Environment.GetEnvironmentVariable, Environment.GetCommandLineArgs);
}

namespace Uet.Core.Seams;

/// <summary>
/// What Uet reads from its process: environment variables and the command line. Code that needs either is handed
/// one of these, so a test gives it its own values instead of changing the process's (tests run in parallel).
/// </summary>
public sealed record EnvironmentReader(Func<string, string?> Variable, Func<IReadOnlyList<string>> CommandLine)
{
#pragma warning disable RS0030 // The one place that reads the real process.
    public static EnvironmentReader Process { get; } =
        new(Environment.GetEnvironmentVariable, Environment.GetCommandLineArgs);
#pragma warning restore RS0030

    /// <summary>A reader of the given variables only, with an empty command line.</summary>
    public static EnvironmentReader Of(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.GetValueOrDefault(name), () => []);

    /// <summary>True when the variable is set to something other than an empty string.</summary>
    public bool IsSet(string name) => !string.IsNullOrEmpty(Variable(name));
}

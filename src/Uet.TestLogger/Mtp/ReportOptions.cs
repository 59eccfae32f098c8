using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;
using Uet.Core.Health;
using Uet.Core.Seams;
using Uet.TestLogger.Recording;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// The <c>--report-uet*</c> options of a test application. Each takes the value of the VSTest logger parameter (or
/// collector setting) of the same meaning, and a bad value is one warning and the default, as under VSTest: the
/// platform is never asked to reject a value (a rejected option fails the whole test application).
/// </summary>
internal sealed class ReportOptions : ICommandLineOptionsProvider
{
    public const string Report = "report-uet";

    /// <summary>Turns the reporter on without the option, for solutions where some test apps lack the package.</summary>
    public const string ReportVariable = "UET_REPORT";
    public const string Health = "report-uet-health";

    /// <summary>Each option with a value, and the key of the logger parameter or health setting it sets.</summary>
    private static readonly (string Option, string Key, string Description)[] Valued =
    [
        ("report-uet-db", "DbPath", "The Uet store (default: UET_DB_PATH, or .uet/uet.db at the repository)."),
        (
            "report-uet-session",
            "SessionId",
            "The test session of this run (default: UET_SESSION_ID, or the dotnet test that started it)."
        ),
        ("report-uet-dir", "ReportDir", "Where the fix-task reports go (default: uet in the test results folder)."),
        ("report-uet-workstream", "Workstream", "A workstream_spec document whose tasks the fix tasks block."),
        ("report-uet-model", "Model", "The model whose tokenizer sizes the fix-task contexts."),
        ("report-uet-token-budget", "TokenBudget", "The token budget of a fix-task context (at least 100)."),
        ("report-uet-rules", "Rules", "A fix-task rules file (default: uet-fix-rules.json at the repository)."),
        (
            "report-uet-max-output",
            "MaxOutputChars",
            "The characters of stdout and stderr kept per test (at least 256)."
        ),
        (
            "report-uet-health-interval",
            HealthSettings.Interval,
            "Seconds between health checks of the test host (default 30)."
        ),
        (
            "report-uet-health-max-failures",
            HealthSettings.MaxFailures,
            "Failed checks in a row that quarantine the host (default 3)."
        ),
        (
            "report-uet-health-grace",
            HealthSettings.Grace,
            "Seconds after the host starts before a check may fail (default: the interval)."
        ),
        (
            "report-uet-quarantine",
            HealthSettings.Quarantine,
            "What quarantine does: kill (end the host and its children) or report."
        ),
    ];

    public string Uid => "Uet.TestLogger.ReportOptions";
    public string Version => ExtensionInfo.Version;
    public string DisplayName => "Uet report";
    public string Description => "Records the run in the Uet store, with fix tasks, reports and test-host health.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() =>
        [
            new(
                Report,
                "Records the run in the Uet store, makes fix tasks and reports, and watches the test host.",
                ArgumentArity.Zero,
                isHidden: false
            ),
            new(
                Health,
                "on (default) or off: whether the test host is watched.",
                ArgumentArity.ExactlyOne,
                isHidden: false
            ),
            .. Valued.Select(v => new CommandLineOption(
                v.Option,
                v.Description,
                ArgumentArity.ExactlyOne,
                isHidden: false
            )),
        ];

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments) =>
        ValidationResult.ValidTask;

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) =>
        ValidationResult.ValidTask;

    /// <summary>On with <c>--report-uet</c>, or with <c>UET_REPORT</c> set to 1 or true; never while listing tests.</summary>
    public static bool IsOn(ICommandLineOptions options, EnvironmentReader environment) =>
        !options.IsOptionSet("list-tests")
        && (options.IsOptionSet(Report) || environment.Variable(ReportVariable)?.Trim() is "1" or "true" or "True");

    /// <summary>Whether the test host is watched: yes unless <c>--report-uet-health off</c>.</summary>
    public static (bool On, string? Warning) HealthOn(ICommandLineOptions options)
    {
        var value = Value(options, Health)?.Trim();
        return value?.ToLowerInvariant() switch
        {
            null or "on" or "true" or "1" => (true, null),
            "off" or "false" or "0" => (false, null),
            _ => (true, $"Uet: option --{Health} {value} is not on or off; the test host is watched."),
        };
    }

    /// <summary>The run's parameters from the options, with the platform's results folder and target framework.</summary>
    public static LoggerParameters Parameters(
        ICommandLineOptions options,
        string resultsDirectory,
        string? targetFramework
    )
    {
        var values = new Dictionary<string, string?>
        {
            ["TestRunDirectory"] = resultsDirectory,
            ["TargetFramework"] = targetFramework,
        };
        // The health settings have keys of their own (HealthSettings); every other key is a logger parameter's.
        var healthKeys = new[]
        {
            HealthSettings.Interval,
            HealthSettings.MaxFailures,
            HealthSettings.Grace,
            HealthSettings.Quarantine,
        };
        foreach (var (option, key, _) in Valued.Where(v => !healthKeys.Contains(v.Key)))
        {
            if (Value(options, option) is { } value)
            {
                values[key] = value;
            }
        }
        return LoggerParameters.Parse(values, Describe);
    }

    /// <summary>The health options from the options.</summary>
    public static (HealthOptions Options, IReadOnlyList<string> Warnings) HealthSettingsOf(ICommandLineOptions options)
    {
        var (settings, warnings) = HealthSettings.Read(
            key => Valued.Where(v => v.Key == key).Select(v => Value(options, v.Option)).FirstOrDefault(),
            Describe
        );
        return (settings, [.. warnings.Select(w => "Uet: " + w)]);
    }

    private static string Describe(string key, string value) =>
        $"option --{Valued.First(v => v.Key == key).Option} {value}".TrimEnd();

    private static string? Value(ICommandLineOptions options, string option) =>
        options.TryGetOptionArgumentList(option, out var arguments) && arguments.Length > 0 ? arguments[^1] : null;
}

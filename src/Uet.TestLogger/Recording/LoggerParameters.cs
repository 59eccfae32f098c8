using Uet.Core.Events;
using Uet.FixTasks.Tasks;

namespace Uet.TestLogger.Recording;

/// <summary>
/// What a run is recorded with, on either platform: the parameters of <c>--logger "uet;Key=Value;..."</c> (VSTest)
/// or the <c>--report-uet-*</c> options (Microsoft.Testing.Platform), by the same keys. Keys are case-insensitive;
/// an unknown key or a bad value gives one warning and the default, never a failed run.
/// </summary>
internal sealed record LoggerParameters
{
    public static IReadOnlyList<string> Keys { get; } =
    ["DbPath", "SessionId", "MaxOutputChars", "ReportDir", "Workstream", "Model", "TokenBudget", "Rules"];

    public string? DbPath { get; init; }
    public string? SessionId { get; init; }
    public int MaxOutputChars { get; init; } = OutputLimit.DefaultMaxChars;

    /// <summary>Where the fix-task reports go; default: a "uet" folder in the test results directory.</summary>
    public string? ReportDir { get; init; }

    /// <summary>A workstream_spec document whose tasks the fix tasks block.</summary>
    public string? Workstream { get; init; }
    public string Model { get; init; } = TaskContextBuilder.DefaultModel;
    public int TokenBudget { get; init; } = TaskContextBuilder.DefaultBudget;

    /// <summary>A fix-task rules file (fix_task_rules.v1.json); default: uet-fix-rules.json beside the store's folder, if there.</summary>
    public string? Rules { get; init; }
    public string? TestRunDirectory { get; init; }
    public string? TargetFramework { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The VSTest logger's parameters; warnings name them as "logger parameter Key=value".</summary>
    public static LoggerParameters Parse(IReadOnlyDictionary<string, string?> values) =>
        Parse(values, (key, value) =>
            value.Length == 0 ? $"logger parameter {key}" : $"logger parameter {key}={value}"
        );

    /// <param name="describe">How a warning names a key and the value given for it.</param>
    public static LoggerParameters Parse(
        IReadOnlyDictionary<string, string?> values,
        Func<string, string, string> describe
    )
    {
        var parsed = new LoggerParameters();
        var warnings = new List<string>();
        var unknown = new List<string>();
        foreach (var (key, value) in values)
        {
            switch (key.ToUpperInvariant())
            {
                case "DBPATH":
                    parsed = parsed with { DbPath = value };
                    break;
                case "SESSIONID":
                    parsed = parsed with { SessionId = value };
                    break;
                case "MAXOUTPUTCHARS":
                    if (int.TryParse(value, out var max) && max >= 256)
                    {
                        parsed = parsed with { MaxOutputChars = max };
                    }
                    else
                    {
                        warnings.Add(
                            $"Uet: {describe("MaxOutputChars", value ?? "")} is not a whole number of at least 256; using {OutputLimit.DefaultMaxChars}."
                        );
                    }
                    break;
                case "REPORTDIR":
                    parsed = parsed with { ReportDir = value };
                    break;
                case "WORKSTREAM":
                    parsed = parsed with { Workstream = value };
                    break;
                case "RULES":
                    parsed = parsed with { Rules = value };
                    break;
                case "MODEL":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        warnings.Add(
                            $"Uet: {describe("Model", "")} is empty; using {TaskContextBuilder.DefaultModel}."
                        );
                    }
                    else
                    {
                        parsed = parsed with { Model = value.Trim() };
                    }
                    break;
                case "TOKENBUDGET":
                    if (int.TryParse(value, out var budget) && budget >= 100)
                    {
                        parsed = parsed with { TokenBudget = budget };
                    }
                    else
                    {
                        warnings.Add(
                            $"Uet: {describe("TokenBudget", value ?? "")} is not a whole number of at least 100; using {TaskContextBuilder.DefaultBudget}."
                        );
                    }
                    break;
                // The test platform adds these two on its own.
                case "TESTRUNDIRECTORY":
                    parsed = parsed with { TestRunDirectory = value };
                    break;
                case "TARGETFRAMEWORK":
                    parsed = parsed with { TargetFramework = value };
                    break;
                default:
                    unknown.Add(key);
                    break;
            }
        }
        if (unknown.Count > 0)
        {
            warnings.Add(
                $"Uet: unknown logger parameter{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)} (ignored). Valid: {string.Join(", ", Keys)}."
            );
        }
        return parsed with { Warnings = warnings };
    }
}

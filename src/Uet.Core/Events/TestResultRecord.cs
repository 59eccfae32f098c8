using System.Text.Json.Nodes;

namespace Uet.Core.Events;

/// <summary>
/// One test result as Uet records it, independent of the test platform: what a report or a fix task needs to
/// say which test failed, how, and where to start looking.
/// </summary>
public sealed record TestResultRecord
{
    public required string FullyQualifiedName { get; init; }
    public string? DisplayName { get; init; }
    public required TestOutcome Outcome { get; init; }
    public TimeSpan Duration { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>The test assembly the test came from.</summary>
    public string? Source { get; init; }
    public string? ErrorMessage { get; init; }
    public string? ErrorStackTrace { get; init; }
    /// <summary>Standard output and error, each already capped by <see cref="OutputLimit"/>.</summary>
    public string? StandardOutput { get; init; }
    public string? StandardError { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Traits { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? CodeFilePath { get; init; }
    public int? LineNumber { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["test"] = FullyQualifiedName,
            ["outcome"] = OutcomeName(Outcome),
            ["duration_ms"] = Math.Round(Duration.TotalMilliseconds, 3),
        };
        AddIfPresent(json, "display_name", DisplayName == FullyQualifiedName ? null : DisplayName);
        AddIfPresent(json, "started_at", StartedAt is { } started ? Timestamps.Format(started) : null);
        AddIfPresent(json, "ended_at", EndedAt is { } ended ? Timestamps.Format(ended) : null);
        AddIfPresent(json, "source", Source);
        AddIfPresent(json, "error_message", ErrorMessage);
        AddIfPresent(json, "error_stack_trace", ErrorStackTrace);
        AddIfPresent(json, "stdout", StandardOutput);
        AddIfPresent(json, "stderr", StandardError);
        if (Traits.Count > 0)
        {
            json["traits"] = new JsonArray([.. Traits.Select(t => new JsonObject { ["name"] = t.Key, ["value"] = t.Value })]);
        }
        if (Categories.Count > 0)
        {
            json["categories"] = new JsonArray([.. Categories.Select(c => JsonValue.Create(c))]);
        }
        if (CodeFilePath is not null)
        {
            json["code_file"] = CodeFilePath;
            AddIfPresent(json, "line", LineNumber);
        }
        return json;
    }

    public static string OutcomeName(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Failed => "failed",
        _ => "skipped",
    };

    private static void AddIfPresent(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }

    private static void AddIfPresent(JsonObject json, string name, int? value)
    {
        if (value is { } number)
        {
            json[name] = number;
        }
    }
}

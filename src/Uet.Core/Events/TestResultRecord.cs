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

    /// <summary>The test's priority as its framework declares it (MSTest [Priority(n)], a Priority trait).</summary>
    public int? Priority { get; init; }
    public string? CodeFilePath { get; init; }
    public int? LineNumber { get; init; }

    /// <summary>The result as an event payload (field names in docs/recording.md's event table).</summary>
    public JsonObject ToPayload() => ToPayload(runSource: null);

    /// <summary>
    /// The result as an entry of a batch of passed or skipped results: without start and end times, and without the
    /// source when it is the run's only one. A run of 50,000 tests stores a third less that way.
    /// </summary>
    public JsonObject ToBatchEntry(string? runSource) => ToPayload(runSource);

    private JsonObject ToPayload(string? runSource)
    {
        var batched = runSource is not null;
        var payload = new JsonObject
        {
            ["test"] = FullyQualifiedName,
            ["outcome"] = OutcomeName(Outcome),
            ["duration_ms"] = Math.Round(Duration.TotalMilliseconds, 3),
        };
        AddIfPresent(payload, "display_name", DisplayName == FullyQualifiedName ? null : DisplayName);
        if (!batched)
        {
            AddIfPresent(payload, "started_at", StartedAt is { } started ? Timestamps.Format(started) : null);
            AddIfPresent(payload, "ended_at", EndedAt is { } ended ? Timestamps.Format(ended) : null);
        }
        AddIfPresent(payload, "source", Source == runSource ? null : Source);
        AddIfPresent(payload, "error_message", ErrorMessage);
        AddIfPresent(payload, "error_stack_trace", ErrorStackTrace);
        AddIfPresent(payload, "stdout", StandardOutput);
        AddIfPresent(payload, "stderr", StandardError);
        if (Traits.Count > 0)
        {
            payload["traits"] = new JsonArray([
                .. Traits.Select(t => (JsonNode)new JsonObject { ["name"] = t.Key, ["value"] = t.Value }),
            ]);
        }
        if (Categories.Count > 0)
        {
            payload["categories"] = RunEvents.Strings(Categories);
        }
        AddIfPresent(payload, "priority", Priority);
        if (CodeFilePath is not null)
        {
            payload["code_file"] = CodeFilePath;
            AddIfPresent(payload, "line", LineNumber);
        }
        return payload;
    }

    /// <summary>
    /// A result back from its <see cref="ToPayload()"/> form, e.g. after it crossed to another process. Unknown
    /// fields are ignored; a payload without a test name or outcome is not a result.
    /// </summary>
    /// <exception cref="InvalidDataException">The payload is not a test result.</exception>
    public static TestResultRecord FromPayload(JsonObject payload)
    {
        if (
            PayloadValues.Text(payload, "test") is not { } test
            || PayloadValues.Text(payload, "outcome") is not { } outcome
        )
        {
            throw new InvalidDataException("not a test result: it has no test name or no outcome");
        }
        return new TestResultRecord
        {
            FullyQualifiedName = test,
            DisplayName = PayloadValues.Text(payload, "display_name") ?? test,
            Outcome = outcome switch
            {
                "passed" => TestOutcome.Passed,
                "failed" => TestOutcome.Failed,
                _ => TestOutcome.Skipped,
            },
            Duration = TimeSpan.FromMilliseconds(PayloadValues.Number(payload, "duration_ms") ?? 0),
            StartedAt = Time(payload, "started_at"),
            EndedAt = Time(payload, "ended_at"),
            Source = PayloadValues.Text(payload, "source"),
            ErrorMessage = PayloadValues.Text(payload, "error_message"),
            ErrorStackTrace = PayloadValues.Text(payload, "error_stack_trace"),
            StandardOutput = PayloadValues.Text(payload, "stdout"),
            StandardError = PayloadValues.Text(payload, "stderr"),
            Traits =
            [
                .. PayloadValues
                    .Array(payload, "traits")
                    .OfType<JsonObject>()
                    .Select(t => new KeyValuePair<string, string>(
                        PayloadValues.Text(t, "name") ?? "",
                        PayloadValues.Text(t, "value") ?? ""
                    )),
            ],
            Categories = [.. PayloadValues.Array(payload, "categories").Select(c => c?.GetValue<string>() ?? "")],
            Priority = PayloadValues.Number(payload, "priority") is { } priority ? (int)priority : null,
            CodeFilePath = PayloadValues.Text(payload, "code_file"),
            LineNumber = PayloadValues.Number(payload, "line") is { } line ? (int)line : null,
        };
    }

    private static DateTimeOffset? Time(JsonObject payload, string name) =>
        PayloadValues.Text(payload, name) is { } text ? Timestamps.Parse(text) : null;

    public static string OutcomeName(TestOutcome outcome) =>
        outcome switch
        {
            TestOutcome.Passed => "passed",
            TestOutcome.Failed => "failed",
            _ => "skipped",
        };

    private static void AddIfPresent(JsonObject payload, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            payload[name] = value;
        }
    }

    private static void AddIfPresent(JsonObject payload, string name, int? value)
    {
        if (value is { } number)
        {
            payload[name] = number;
        }
    }
}

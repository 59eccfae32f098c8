using System.Text.Json.Serialization;
using Uet.FixTasks.Priorities;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// One root cause to fix, with everything a developer or an AI agent needs to start: what failed, where, how
/// often, which tests, what it blocks, and a context fitted to a model's token budget. Its JSON (snake_case) is the
/// shape of <c>uet tasks --json</c> and of the tasks in <c>fix-tasks.json</c>.
/// </summary>
public sealed record FixTask
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Priority Priority { get; init; }
    public required string Reason { get; init; }
    public required string Signature { get; init; }

    public required FixTaskStatus Status { get; init; }
    public bool Flaky { get; init; }
    public required string ExceptionType { get; init; }

    /// <summary>The message of the latest failure, as it was.</summary>
    public required string Message { get; init; }

    /// <summary>The frames of the latest failure, the user's code first.</summary>
    public IReadOnlyList<string> Stack { get; init; } = [];

    /// <summary>Where to start: "file:line" of the first frame in the user's code, or the test's own location.</summary>
    public string? StartAt { get; init; }

    /// <summary>The tests that failed with this cause, where they live and how they ended lately.</summary>
    [JsonPropertyName("test_details")]
    public IReadOnlyList<TaskTest> Tests { get; init; } = [];
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Failed results with this signature, over all runs.</summary>
    public int Occurrences { get; init; }

    /// <summary>The runs it failed in, the latest last (at most <see cref="Ledger.TaskMaker.RunsKept"/>).</summary>
    public IReadOnlyList<string> Runs { get; init; } = [];

    /// <summary>The UET tasks of the workstream that this task blocks, directly or through their dependencies.</summary>
    public IReadOnlyList<string> Blocks { get; init; } = [];
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The prompt-ready context, fitted to <see cref="ContextInfo"/>'s budget.</summary>
    public string? Context { get; init; }
    public TaskContextInfo? ContextInfo { get; init; }

    [JsonIgnore]
    public bool IsOpen => Status == FixTaskStatus.Open;

    /// <summary>The tests of this task, by fully qualified name (JSON "tests").</summary>
    [JsonPropertyName("tests")]
    public IReadOnlyList<string> TestNames => [.. Tests.Select(t => t.Name)];
}

/// <summary>Whether a task is still to be done. In JSON (and in the store's index): "open" or "resolved".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FixTaskStatus>))]
public enum FixTaskStatus
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("resolved")]
    Resolved,
}

public static class FixTaskStatusNames
{
    /// <summary>"open" or "resolved", as the JSON writes it.</summary>
    public static string Name(this FixTaskStatus status) => status == FixTaskStatus.Open ? "open" : "resolved";
}

/// <summary>A test of a fix task: where it lives, its categories, and its recent outcomes, the latest last.</summary>
public sealed record TaskTest(
    string Name,
    string? Source,
    string? File,
    int? Line,
    IReadOnlyList<string> Categories,
    IReadOnlyList<TestRunOutcome> History
)
{
    public string LastOutcome => History.Count > 0 ? History[^1].Outcome : TestRunOutcome.Failed;
}

/// <summary>How a test ended in one run ("failed" or "passed"), and the run's session.</summary>
public sealed record TestRunOutcome(string Outcome, string RunId, string SessionId)
{
    public const string Failed = "failed";
    public const string Passed = "passed";
}

/// <summary>The model and budget a task's context was fitted to, and its size in that model's tokens.</summary>
public sealed record TaskContextInfo(string Model, int Budget, int Tokens, bool Estimated);

using System.Text.Json.Nodes;
using Uet.Core.Events;

namespace Uet.Core.Runs;

/// <summary>
/// What is known of one test run: who ran it, where it stands and its counts. Stored in the <c>runs</c>
/// collection, and rebuilt from the run's events alone by <see cref="RunProjection"/>.
/// </summary>
public sealed record RunState
{
    public required string RunId { get; init; }

    /// <summary>The test session: every run of one <c>dotnet test</c> invocation shares it.</summary>
    public required string SessionId { get; init; }

    /// <summary>The test project (its assembly name), the UET <c>project_id</c>.</summary>
    public required string Project { get; init; }
    public string? TargetFramework { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>A <c>run_record</c> state: running, succeeded, failed or canceled.</summary>
    public string State { get; init; } = RunStates.Running;
    public string? StateReason { get; init; }

    /// <summary>True when the run was cut short: the test host crashed, the run was canceled or its recorder died.</summary>
    public bool Aborted { get; init; }
    public bool Canceled { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
    public int Skipped { get; init; }
    public int EventCount { get; init; }
    public required RecorderProcess Recorder { get; init; }

    public bool IsRunning => State == RunStates.Running;

    /// <summary>The run as a UET <c>run_record</c> v1 document.</summary>
    public JsonObject ToRunRecord() =>
        new()
        {
            ["run_id"] = RunId,
            ["project_id"] = Project,
            ["phase_id"] = "test",
            ["workstream_id"] = null,
            ["created_at"] = Timestamps.Format(StartedAt),
            ["started_at"] = Timestamps.Format(StartedAt),
            ["ended_at"] = EndedAt is { } ended ? Timestamps.Format(ended) : null,
            ["state"] = State,
            ["state_reason"] = StateReason,
            ["origin"] = new JsonObject
            {
                ["trigger_type"] = Recorder.OnCi ? "ci" : "manual",
                ["trigger_ref"] = SessionId,
                ["requested_by"] = null,
            },
            ["counters"] = new JsonObject { ["errors"] = Failed },
        };

    /// <summary>The run as <c>uet runs --json</c> prints it.</summary>
    public JsonObject ToSummaryJson() =>
        new()
        {
            ["run_id"] = RunId,
            ["session_id"] = SessionId,
            ["project"] = Project,
            ["target_framework"] = TargetFramework,
            ["state"] = State,
            ["state_reason"] = StateReason,
            ["aborted"] = Aborted,
            ["canceled"] = Canceled,
            ["passed"] = Passed,
            ["failed"] = Failed,
            ["skipped"] = Skipped,
            ["started_at"] = Timestamps.Format(StartedAt),
            ["ended_at"] = EndedAt is { } ended ? Timestamps.Format(ended) : null,
            ["events"] = EventCount,
        };
}

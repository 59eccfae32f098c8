using System.Text.Json.Nodes;
using Uet.Core.Runs;

namespace Uet.Core.Events;

/// <summary>Builds the events of a test run. Payload field names are documented in the README's event table.</summary>
public static class RunEvents
{
    public static RunEvent Started(string runId, RunStart start, DateTimeOffset ts)
    {
        var payload = new JsonObject
        {
            ["session_id"] = start.SessionId,
            ["project"] = start.Project,
            ["target_framework"] = start.TargetFramework,
            ["sources"] = new JsonArray([.. start.Sources.Select(s => JsonValue.Create(s))]),
            ["settings"] = start.Settings.DeepClone(),
            ["recorder"] = new JsonObject
            {
                ["machine"] = start.Recorder.Machine,
                ["pid"] = start.Recorder.ProcessId,
                ["process_started_at"] = Timestamps.Format(start.Recorder.ProcessStartedAt),
                ["ci"] = start.Recorder.OnCi,
            },
        };
        return new RunEvent(Ids.New(), runId, ts, EventKinds.RunStarted, payload);
    }

    public static RunEvent Failed(string runId, TestResultRecord result) =>
        new(Ids.New(), runId, Timestamps.Now(), EventKinds.TestFailed, result.ToJson());

    /// <summary>One event for a batch of passed or skipped results: payload <c>{ count, results: [...] }</c>.</summary>
    public static RunEvent Batch(string runId, TestOutcome outcome, IReadOnlyCollection<TestResultRecord> results)
    {
        var kind = outcome == TestOutcome.Passed ? EventKinds.TestsPassed : EventKinds.TestsSkipped;
        var payload = new JsonObject
        {
            ["count"] = results.Count,
            ["results"] = new JsonArray([.. results.Select(r => r.ToJson())]),
        };
        return new RunEvent(Ids.New(), runId, Timestamps.Now(), kind, payload);
    }

    public static RunEvent Completed(string runId, RunCompletion completion) =>
        new(Ids.New(), runId, Timestamps.Now(), EventKinds.RunCompleted, new JsonObject
        {
            ["passed"] = completion.Passed,
            ["failed"] = completion.Failed,
            ["skipped"] = completion.Skipped,
            ["aborted"] = completion.Aborted,
            ["canceled"] = completion.Canceled,
            ["elapsed_ms"] = Math.Round(completion.Elapsed.TotalMilliseconds, 1),
            ["abort_reason"] = completion.AbortReason,
        });

    public static RunEvent Aborted(string runId, DateTimeOffset ts, string reason) =>
        new(Ids.New(), runId, ts, EventKinds.RunAborted, new JsonObject { ["reason"] = reason });
}

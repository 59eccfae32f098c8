using System.Text.Json.Nodes;
using Uet.Core.Runs;

namespace Uet.Core.Events;

/// <summary>
/// Builds the events of a test run, each at the time its caller's clock gives. Payload field names are documented
/// in docs/recording.md.
/// </summary>
public static class RunEvents
{
    public static RunEvent Started(string runId, RunStart start, DateTimeOffset ts)
    {
        var payload = new JsonObject
        {
            ["session_id"] = start.SessionId,
            ["project"] = start.Project,
            ["target_framework"] = start.TargetFramework,
            ["sources"] = Strings(start.Sources),
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

    public static RunEvent Failed(string runId, TestResultRecord result, DateTimeOffset ts) =>
        new(Ids.New(), runId, ts, EventKinds.TestFailed, result.ToPayload());

    /// <summary>
    /// One event for a batch of passed or skipped results: payload <c>{ count, results: [...] }</c>. A result's
    /// source is left out when it is <paramref name="runSource"/>, the run's only test assembly.
    /// </summary>
    public static RunEvent Batch(
        string runId,
        TestOutcome outcome,
        IReadOnlyCollection<TestResultRecord> results,
        string runSource,
        DateTimeOffset ts
    )
    {
        var kind = outcome == TestOutcome.Passed ? EventKinds.TestsPassed : EventKinds.TestsSkipped;
        var entries = new JsonArray();
        foreach (var result in results)
        {
            entries.Add(result.ToBatchEntry(runSource));
        }
        var payload = new JsonObject { ["count"] = results.Count, ["results"] = entries };
        return new RunEvent(Ids.New(), runId, ts, kind, payload);
    }

    public static RunEvent Completed(string runId, RunCompletion completion, DateTimeOffset ts) =>
        new(
            Ids.New(),
            runId,
            ts,
            EventKinds.RunCompleted,
            new JsonObject
            {
                ["passed"] = completion.Passed,
                ["failed"] = completion.Failed,
                ["skipped"] = completion.Skipped,
                ["aborted"] = completion.Aborted,
                ["canceled"] = completion.Canceled,
                ["elapsed_ms"] = Math.Round(completion.Elapsed.TotalMilliseconds, 1),
                ["abort_reason"] = completion.AbortReason,
            }
        );

    public static RunEvent Aborted(string runId, DateTimeOffset ts, string reason) =>
        new(Ids.New(), runId, ts, EventKinds.RunAborted, new JsonObject { ["reason"] = reason });

    /// <summary>
    /// What the health monitor found about a test host: a failed check, a quarantine or a crash. Payload:
    /// <c>host_pid</c>, <c>health</c>, <c>test</c> (the test running, if any), <c>progress_age_ms</c>,
    /// <c>failures</c>, and for a quarantine <c>killed</c>.
    /// </summary>
    public static RunEvent Health(string runId, Health.HealthFinding finding, DateTimeOffset at)
    {
        var payload = new JsonObject
        {
            ["host_pid"] = finding.HostId,
            ["health"] = finding.Health.ToString().ToLowerInvariant(),
            ["test"] = finding.Test,
            ["progress_age_ms"] = Math.Round(finding.ProgressAge.TotalMilliseconds),
            ["failures"] = finding.Failures,
        };
        if (finding.Kind == EventKinds.WorkerQuarantined)
        {
            payload["killed"] = finding.Killed;
        }
        return new RunEvent(Ids.New(), runId, at, finding.Kind, payload);
    }

    /// <summary>A JSON array of texts.</summary>
    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }
        return array;
    }
}

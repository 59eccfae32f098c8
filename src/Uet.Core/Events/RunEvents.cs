using LiteDB;
using Uet.Core.Runs;

namespace Uet.Core.Events;

/// <summary>Builds the events of a test run. Payload field names are documented in the README's event table.</summary>
public static class RunEvents
{
    public static RunEvent Started(string runId, RunStart start, DateTimeOffset ts)
    {
        var payload = new BsonDocument
        {
            ["session_id"] = start.SessionId,
            ["project"] = start.Project,
            ["target_framework"] = start.TargetFramework,
            ["sources"] = new BsonArray(start.Sources.Select(s => new BsonValue(s))),
            ["settings"] = start.Settings,
            ["recorder"] = new BsonDocument
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
        new(Ids.New(), runId, Timestamps.Now(), EventKinds.TestFailed, result.ToBson());

    /// <summary>
    /// One event for a batch of passed or skipped results: payload <c>{ count, results: [...] }</c>. A result's
    /// source is left out when it is <paramref name="runSource"/>, the run's only test assembly.
    /// </summary>
    public static RunEvent Batch(
        string runId,
        TestOutcome outcome,
        IReadOnlyCollection<TestResultRecord> results,
        string runSource
    )
    {
        var kind = outcome == TestOutcome.Passed ? EventKinds.TestsPassed : EventKinds.TestsSkipped;
        var payload = new BsonDocument
        {
            ["count"] = results.Count,
            ["results"] = new BsonArray(results.Select(r => r.ToBatchEntry(runSource))),
        };
        return new RunEvent(Ids.New(), runId, Timestamps.Now(), kind, payload);
    }

    public static RunEvent Completed(string runId, RunCompletion completion) =>
        new(
            Ids.New(),
            runId,
            Timestamps.Now(),
            EventKinds.RunCompleted,
            new BsonDocument
            {
                ["passed"] = completion.Passed,
                ["failed"] = completion.Failed,
                ["skipped"] = completion.Skipped,
                ["aborted"] = completion.Aborted,
                ["canceled"] = completion.Canceled,
                ["elapsed_ms"] = Math.Round(completion.Elapsed.TotalMilliseconds, 1),
                ["abort_reason"] = completion.AbortReason is { } reason ? reason : BsonValue.Null,
            }
        );

    public static RunEvent Aborted(string runId, DateTimeOffset ts, string reason) =>
        new(Ids.New(), runId, ts, EventKinds.RunAborted, new BsonDocument { ["reason"] = reason });

    /// <summary>
    /// What the health monitor found about a test host: a failed check, a quarantine or a crash. Payload:
    /// <c>host_pid</c>, <c>health</c>, <c>test</c> (the test running, if any), <c>progress_age_ms</c>,
    /// <c>failures</c>, and for a quarantine <c>killed</c>.
    /// </summary>
    public static RunEvent Health(string runId, Health.HealthFinding finding, DateTimeOffset? at = null)
    {
        var payload = new BsonDocument
        {
            ["host_pid"] = finding.HostId,
            ["health"] = finding.Health.ToString().ToLowerInvariant(),
            ["test"] = finding.Test is { } test ? test : BsonValue.Null,
            ["progress_age_ms"] = Math.Round(finding.ProgressAge.TotalMilliseconds),
            ["failures"] = finding.Failures,
        };
        if (finding.Kind == EventKinds.WorkerQuarantined)
        {
            payload["killed"] = finding.Killed;
        }
        return new RunEvent(Ids.New(), runId, at ?? Timestamps.Now(), finding.Kind, payload);
    }
}

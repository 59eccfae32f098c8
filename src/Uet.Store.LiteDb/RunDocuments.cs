using LiteDB;
using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.Store.LiteDb;

/// <summary>How runs and events are laid out as BSON documents in the store.</summary>
internal static class RunDocuments
{
    /// <summary>Events are keyed RUN_ID.EVENT_ID: a run's events form one ordered range of the primary index.</summary>
    public static BsonDocument FromEvent(RunEvent runEvent) =>
        new()
        {
            ["_id"] = EventKey(runEvent.RunId, runEvent.EventId),
            ["event_id"] = runEvent.EventId,
            ["run_id"] = runEvent.RunId,
            ["ts"] = Timestamps.Format(runEvent.Ts),
            ["kind"] = runEvent.Kind,
            ["payload"] = PayloadBson.ToBson(runEvent.Payload),
        };

    public static string EventKey(string runId, string eventId) => $"{runId}.{eventId}";

    /// <summary>The primary-key range that holds exactly the events of a run ('/' follows '.').</summary>
    public static BsonExpression EventsOf(string runId) => Query.Between("_id", $"{runId}.", $"{runId}/");

    public static RunEvent ToEvent(BsonDocument document) =>
        new(
            document["event_id"].AsString,
            document["run_id"].AsString,
            Timestamps.Parse(document["ts"].AsString),
            document["kind"].AsString,
            PayloadBson.ToJson(document["payload"].AsDocument)
        );

    public static BsonDocument FromRun(RunState run) =>
        new()
        {
            ["_id"] = run.RunId,
            ["session_id"] = run.SessionId,
            ["project"] = run.Project,
            ["target_framework"] = run.TargetFramework,
            ["sources"] = new BsonArray(run.Sources.Select(s => new BsonValue(s))),
            ["started_at"] = Timestamps.Format(run.StartedAt),
            ["ended_at"] = run.EndedAt is { } ended ? Timestamps.Format(ended) : BsonValue.Null,
            ["state"] = run.State,
            ["state_reason"] = run.StateReason,
            ["aborted"] = run.Aborted,
            ["canceled"] = run.Canceled,
            ["passed"] = run.Passed,
            ["failed"] = run.Failed,
            ["skipped"] = run.Skipped,
            ["events"] = run.EventCount,
            ["recorder"] = new BsonDocument
            {
                ["machine"] = run.Recorder.Machine,
                ["pid"] = run.Recorder.ProcessId,
                ["process_started_at"] = Timestamps.Format(run.Recorder.ProcessStartedAt),
                ["ci"] = run.Recorder.OnCi,
            },
        };

    public static RunState ToRun(BsonDocument document)
    {
        var recorder = document["recorder"].AsDocument;
        return new RunState
        {
            RunId = document["_id"].AsString,
            SessionId = document["session_id"].AsString,
            Project = document["project"].AsString,
            TargetFramework = NullableString(document["target_framework"]),
            Sources = [.. document["sources"].AsArray.Select(s => s.AsString)],
            StartedAt = Timestamps.Parse(document["started_at"].AsString),
            EndedAt = NullableString(document["ended_at"]) is { } ended ? Timestamps.Parse(ended) : null,
            State = document["state"].AsString,
            StateReason = NullableString(document["state_reason"]),
            Aborted = document["aborted"].AsBoolean,
            Canceled = document["canceled"].AsBoolean,
            Passed = document["passed"].AsInt32,
            Failed = document["failed"].AsInt32,
            Skipped = document["skipped"].AsInt32,
            EventCount = document["events"].AsInt32,
            Recorder = new RecorderProcess(
                recorder["machine"].AsString,
                recorder["pid"].AsInt32,
                Timestamps.Parse(recorder["process_started_at"].AsString),
                recorder["ci"].AsBoolean
            ),
        };
    }

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Reports;

/// <summary><c>fix-tasks.json</c>: the report's data, valid against <c>schema/fix-tasks/fix_task_report.v1.json</c>.</summary>
public static class JsonReport
{
    public const string FileName = "fix-tasks.json";
    public const string Version = "fix_task_report.v1";

    public static string Render(ReportData data)
    {
        var report = new JsonObject
        {
            ["report_version"] = Version,
            ["generated_at"] = Timestamps.Format(data.GeneratedAt),
            ["session_id"] = data.SessionId,
            ["summary"] = new JsonObject
            {
                ["open"] = data.Open.Count,
                ["critical"] = data.Open.Count(t => t.Priority == Priority.Critical),
                ["high"] = data.Open.Count(t => t.Priority == Priority.High),
                ["medium"] = data.Open.Count(t => t.Priority == Priority.Medium),
                ["resolved"] = data.Resolved.Count,
                ["blocked_work"] = data.BlockedWork?.Tasks.Count ?? 0,
            },
            ["tasks"] = Tasks(data.All),
            ["blocked_work"] = data.BlockedWork is { } work
                ? new JsonObject
                {
                    ["workstream_id"] = work.WorkstreamId,
                    ["tasks"] = new JsonArray([.. work.Tasks.Select(t => (JsonNode)new JsonObject { ["task_id"] = t.TaskId, ["blocked_by"] = new JsonArray([.. t.BlockedBy.Select(b => (JsonNode)b)]) })]),
                }
                : null,
            ["runs"] = new JsonArray([.. data.Runs.Select(r => (JsonNode)new JsonObject
            {
                ["run_id"] = r.RunId,
                ["project"] = r.Project,
                ["target_framework"] = r.TargetFramework,
                ["state"] = r.State,
                ["state_reason"] = r.StateReason,
                ["started_at"] = Timestamps.Format(r.StartedAt),
                ["ended_at"] = r.EndedAt is { } ended ? Timestamps.Format(ended) : null,
                ["passed"] = r.Passed,
                ["failed"] = r.Failed,
                ["skipped"] = r.Skipped,
                ["aborted"] = r.Aborted,
                ["host"] = new JsonObject { ["machine"] = r.Recorder.Machine, ["pid"] = r.Recorder.ProcessId },
            })]),
        };
        return report.ToJsonString(FixTaskJson.Options);
    }

    /// <summary>Tasks in the shape of <c>uet tasks --json</c>.</summary>
    public static JsonArray Tasks(IEnumerable<FixTask> tasks) =>
        new([.. tasks.Select(t => JsonSerializer.SerializeToNode(t, FixTaskJson.Options))]);
}

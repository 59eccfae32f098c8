using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Reports;

/// <summary>
/// <c>fix-tasks.json</c>: the report's data, valid against <c>schema/fix-tasks/fix_task_report.v1.json</c>. Written
/// straight to the file (a report of a thousand tasks with their contexts is megabytes).
/// </summary>
public static class JsonReport
{
    public const string FileName = "fix-tasks.json";
    public const string Version = "fix_task_report.v1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(ReportData data)
    {
        using var buffer = new MemoryStream();
        Write(data, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(ReportData data, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        json.WriteStartObject();
        json.WriteString("report_version", Version);
        json.WriteString("generated_at", Timestamps.Format(data.GeneratedAt));
        json.WriteString("session_id", data.SessionId);
        json.WriteStartObject("summary");
        json.WriteNumber("open", data.Open.Count);
        json.WriteNumber("critical", data.Open.Count(t => t.Priority == Priority.Critical));
        json.WriteNumber("high", data.Open.Count(t => t.Priority == Priority.High));
        json.WriteNumber("medium", data.Open.Count(t => t.Priority == Priority.Medium));
        json.WriteNumber("resolved", data.Resolved.Count);
        json.WriteNumber("blocked_work", data.BlockedWork?.Tasks.Count ?? 0);
        json.WriteEndObject();
        json.WriteStartArray("tasks");
        foreach (var task in data.All)
        {
            FixTaskJson.Write(json, task);
        }
        json.WriteEndArray();
        BlockedWork(json, data.BlockedWork);
        json.WriteStartArray("runs");
        foreach (var run in data.Runs)
        {
            json.WriteStartObject();
            json.WriteString("run_id", run.RunId);
            json.WriteString("project", run.Project);
            json.WriteString("target_framework", run.TargetFramework);
            json.WriteString("state", run.State);
            json.WriteString("state_reason", run.StateReason);
            json.WriteString("started_at", Timestamps.Format(run.StartedAt));
            json.WriteString("ended_at", run.EndedAt is { } ended ? Timestamps.Format(ended) : null);
            json.WriteNumber("passed", run.Passed);
            json.WriteNumber("failed", run.Failed);
            json.WriteNumber("skipped", run.Skipped);
            json.WriteBoolean("aborted", run.Aborted);
            json.WriteStartObject("host");
            json.WriteString("machine", run.Recorder.Machine);
            json.WriteNumber("pid", run.Recorder.ProcessId);
            json.WriteEndObject();
            json.WritePropertyName("test_hosts");
            json.WriteStartArray();
            foreach (var host in data.Hosts.GetValueOrDefault(run.RunId) ?? [])
            {
                var record = host.ToJson();
                record["outcome"] = host.Outcome;
                record.WriteTo(json);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Tasks in the shape of <c>uet tasks --json</c>.</summary>
    public static JsonArray Tasks(IEnumerable<FixTask> tasks) => new([.. tasks.Select(FixTaskJson.ToNode)]);

    private static void BlockedWork(Utf8JsonWriter json, BlockedWorkView? work)
    {
        if (work is null)
        {
            json.WriteNull("blocked_work");
            return;
        }
        json.WriteStartObject("blocked_work");
        json.WriteString("workstream_id", work.WorkstreamId);
        json.WriteStartArray("tasks");
        foreach (var task in work.Tasks)
        {
            json.WriteStartObject();
            json.WriteString("task_id", task.TaskId);
            json.WriteStartArray("blocked_by");
            foreach (var blocker in task.BlockedBy)
            {
                json.WriteStringValue(blocker);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

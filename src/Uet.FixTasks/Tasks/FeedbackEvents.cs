using LiteDB;
using Uet.Core.Events;

namespace Uet.FixTasks.Tasks;

/// <summary>The events that say how the fix tasks changed in a run (payload fields in the README's event table).</summary>
public static class FeedbackEvents
{
    /// <summary>At most this many test names go into an event; the task has them all.</summary>
    private const int TestsListed = 50;

    public static RunEvent Created(string runId, FixTask task) =>
        New(
            runId,
            EventKinds.FeedbackTaskCreated,
            new BsonDocument
            {
                ["task_id"] = task.Id,
                ["title"] = task.Title,
                ["priority"] = (int)task.Priority,
                ["reason"] = task.Reason,
                ["signature"] = task.Signature,
                ["tests"] = Tests(task),
            }
        );

    public static RunEvent Reopened(string runId, FixTask task) =>
        New(
            runId,
            EventKinds.FeedbackTaskReopened,
            new BsonDocument
            {
                ["task_id"] = task.Id,
                ["priority"] = (int)task.Priority,
                ["reason"] = task.Reason,
                ["tests"] = Tests(task),
            }
        );

    public static RunEvent Resolved(string runId, FixTask task) =>
        New(
            runId,
            EventKinds.FeedbackTaskResolved,
            new BsonDocument { ["task_id"] = task.Id, ["tests"] = Tests(task) }
        );

    public static RunEvent PriorityChanged(string runId, FixTask before, FixTask after) =>
        New(
            runId,
            EventKinds.FeedbackTaskPriorityChanged,
            new BsonDocument
            {
                ["task_id"] = after.Id,
                ["from"] = (int)before.Priority,
                ["to"] = (int)after.Priority,
                ["reason"] = after.Reason,
            }
        );

    public static RunEvent Blocked(string runId, string workstreamId, string taskId, IReadOnlyList<string> blockedBy) =>
        New(
            runId,
            EventKinds.TaskBlocked,
            new BsonDocument
            {
                ["workstream_id"] = workstreamId,
                ["task_id"] = taskId,
                ["blocked_by"] = new BsonArray(blockedBy.Select(b => new BsonValue(b))),
            }
        );

    public static RunEvent Unblocked(string runId, string workstreamId, string taskId) =>
        New(
            runId,
            EventKinds.TaskUnblocked,
            new BsonDocument { ["workstream_id"] = workstreamId, ["task_id"] = taskId }
        );

    private static BsonArray Tests(FixTask task) => new(task.TestNames.Take(TestsListed).Select(t => new BsonValue(t)));

    private static RunEvent New(string runId, string kind, BsonDocument payload) =>
        new(Ids.New(), runId, Timestamps.Now(), kind, payload);
}

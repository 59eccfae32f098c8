using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// The events that say how the fix tasks changed in one run, all at the time the ledger ran (payload fields in
/// docs/recording.md).
/// </summary>
public sealed class FeedbackEvents(string runId, DateTimeOffset at)
{
    /// <summary>At most this many test names go into an event; the task has them all.</summary>
    private const int TestsListed = 50;

    private readonly List<RunEvent> _events = [];

    public IReadOnlyList<RunEvent> All => _events;

    /// <summary>How a task changed: created, reopened or resolved, then its priority (unless the first said it).</summary>
    public void Changed(FixTask task, FixTask? before)
    {
        if (before is null)
        {
            Add(
                EventKinds.FeedbackTaskCreated,
                new JsonObject
                {
                    ["task_id"] = task.Id,
                    ["title"] = task.Title,
                    ["priority"] = (int)task.Priority,
                    ["reason"] = task.Reason,
                    ["signature"] = task.Signature,
                    ["tests"] = Tests(task),
                }
            );
            return;
        }
        if (!before.IsOpen && task.IsOpen)
        {
            Add(
                EventKinds.FeedbackTaskReopened,
                new JsonObject
                {
                    ["task_id"] = task.Id,
                    ["priority"] = (int)task.Priority,
                    ["reason"] = task.Reason,
                    ["tests"] = Tests(task),
                }
            );
            return;
        }
        if (before.IsOpen && !task.IsOpen)
        {
            Add(EventKinds.FeedbackTaskResolved, new JsonObject { ["task_id"] = task.Id, ["tests"] = Tests(task) });
        }
        if (before.Priority != task.Priority)
        {
            Add(
                EventKinds.FeedbackTaskPriorityChanged,
                new JsonObject
                {
                    ["task_id"] = task.Id,
                    ["from"] = (int)before.Priority,
                    ["to"] = (int)task.Priority,
                    ["reason"] = task.Reason,
                }
            );
        }
    }

    public void Blocked(string workstreamId, string taskId, IReadOnlyList<string> blockedBy) =>
        Add(
            EventKinds.TaskBlocked,
            new JsonObject
            {
                ["workstream_id"] = workstreamId,
                ["task_id"] = taskId,
                ["blocked_by"] = RunEvents.Strings(blockedBy),
            }
        );

    public void Unblocked(string workstreamId, string taskId) =>
        Add(EventKinds.TaskUnblocked, new JsonObject { ["workstream_id"] = workstreamId, ["task_id"] = taskId });

    private static JsonArray Tests(FixTask task) => RunEvents.Strings(task.TestNames.Take(TestsListed));

    private void Add(string kind, JsonObject payload) => _events.Add(new(Ids.New(), runId, at, kind, payload));
}

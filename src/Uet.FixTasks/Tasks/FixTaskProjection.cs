using Uet.Core.Events;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// Rebuilds every fix task's status and priority from the feedback events alone, in the order the runs wrote
/// them; <c>uet replay</c> compares the result with the stored tasks.
/// </summary>
public static class FixTaskProjection
{
    public static IReadOnlyDictionary<string, (string Status, int Priority)> Replay(IEnumerable<RunEvent> events)
    {
        var tasks = new Dictionary<string, (string Status, int Priority)>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var id = e.Payload["task_id"];
            switch (e.Kind)
            {
                case EventKinds.FeedbackTaskCreated:
                case EventKinds.FeedbackTaskReopened:
                    tasks[id.AsString] = (FixTaskStatus.Open, e.Payload["priority"].AsInt32);
                    break;
                case EventKinds.FeedbackTaskResolved when tasks.TryGetValue(id.AsString, out var task):
                    tasks[id.AsString] = task with { Status = FixTaskStatus.Resolved };
                    break;
                case EventKinds.FeedbackTaskPriorityChanged when tasks.TryGetValue(id.AsString, out var task):
                    tasks[id.AsString] = task with { Priority = e.Payload["to"].AsInt32 };
                    break;
            }
        }
        return tasks;
    }

    /// <summary>One line per task whose stored status or priority differs from its replay (or that has no events).</summary>
    public static IReadOnlyList<string> Differences(
        IEnumerable<FixTask> stored,
        IReadOnlyDictionary<string, (string Status, int Priority)> replayed
    )
    {
        var differences = new List<string>();
        foreach (var task in stored.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            if (!replayed.TryGetValue(task.Id, out var replay))
            {
                differences.Add($"fix task {task.Id}: stored, but no event created it");
            }
            else if (replay != (task.Status, (int)task.Priority))
            {
                differences.Add(
                    $"fix task {task.Id}: stored {task.Status}, priority {(int)task.Priority}; the events say {replay.Status}, priority {replay.Priority}"
                );
            }
        }
        return differences;
    }
}

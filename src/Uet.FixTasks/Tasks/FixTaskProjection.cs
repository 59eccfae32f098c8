using Uet.Core.Events;
using Uet.FixTasks.Priorities;
using static Uet.Core.Events.PayloadValues;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// Rebuilds every fix task's status and priority from the feedback events alone, in the order the runs wrote
/// them; <c>uet replay</c> compares the result with the stored tasks.
/// </summary>
public static class FixTaskProjection
{
    public static IReadOnlyDictionary<string, (FixTaskStatus Status, Priority Priority)> Replay(
        IEnumerable<RunEvent> events
    )
    {
        var tasks = new Dictionary<string, (FixTaskStatus Status, Priority Priority)>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (Text(e.Payload, "task_id") is not { } id)
            {
                continue;
            }
            switch (e.Kind)
            {
                case EventKinds.FeedbackTaskCreated:
                case EventKinds.FeedbackTaskReopened:
                    tasks[id] = (FixTaskStatus.Open, PriorityOf(e, "priority"));
                    break;
                case EventKinds.FeedbackTaskResolved when tasks.TryGetValue(id, out var task):
                    tasks[id] = task with { Status = FixTaskStatus.Resolved };
                    break;
                case EventKinds.FeedbackTaskPriorityChanged when tasks.TryGetValue(id, out var task):
                    tasks[id] = task with { Priority = PriorityOf(e, "to") };
                    break;
            }
        }
        return tasks;
    }

    /// <summary>One line per task whose stored status or priority differs from its replay (or that has no events).</summary>
    public static IReadOnlyList<string> Differences(
        IEnumerable<FixTask> stored,
        IReadOnlyDictionary<string, (FixTaskStatus Status, Priority Priority)> replayed
    )
    {
        var differences = new List<string>();
        foreach (var task in stored.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            if (!replayed.TryGetValue(task.Id, out var replay))
            {
                differences.Add($"fix task {task.Id}: stored, but no event created it");
            }
            else if (replay != (task.Status, task.Priority))
            {
                differences.Add(
                    $"fix task {task.Id}: stored {task.Status.Name()}, priority {(int)task.Priority}; the events say {replay.Status.Name()}, priority {(int)replay.Priority}"
                );
            }
        }
        return differences;
    }

    private static Priority PriorityOf(RunEvent e, string field) => (Priority)(int)(Number(e.Payload, field) ?? 0);
}

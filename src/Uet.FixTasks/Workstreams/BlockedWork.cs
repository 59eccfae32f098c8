namespace Uet.FixTasks.Workstreams;

/// <summary>
/// Which workstream tasks the open fix tasks block: a task is blocked directly while an open fix task has a test
/// its acceptance checks name, and transitively while a task it depends on (through <c>depends_on</c>) is blocked.
/// </summary>
public static class BlockedWork
{
    /// <summary>Blocked task id → what blocks it: fix task ids (direct) and workstream task ids (through a dependency).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(
        Workstream workstream,
        IEnumerable<(string FixTaskId, string Test, IReadOnlyCollection<string> Categories)> openTests
    )
    {
        var tests = openTests.ToList();
        var blockedBy = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var task in workstream.Tasks)
        {
            var fixTasks = tests
                .Where(t => task.Checks.Any(c => c.Matches(t.Test, t.Categories)))
                .Select(t => t.FixTaskId);
            foreach (var fixTask in fixTasks)
            {
                Blockers(blockedBy, task.Id).Add(fixTask);
            }
        }
        // Through dependencies, until nothing changes (a cycle in depends_on ends too: sets only grow).
        for (var changed = true; changed; )
        {
            changed = false;
            foreach (var task in workstream.Tasks)
            {
                foreach (var dependency in task.DependsOn.Where(blockedBy.ContainsKey))
                {
                    changed |= Blockers(blockedBy, task.Id).Add(dependency);
                }
            }
        }
        return blockedBy.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value], StringComparer.Ordinal);
    }

    /// <summary>The workstream tasks one fix task blocks, directly or through dependencies.</summary>
    public static IReadOnlyList<string> BlockedBy(
        string fixTaskId,
        IReadOnlyDictionary<string, IReadOnlyList<string>> blocked
    )
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([fixTaskId]);
        while (frontier.TryDequeue(out var blocker))
        {
            foreach (var (task, blockers) in blocked)
            {
                if (blockers.Contains(blocker) && result.Add(task))
                {
                    frontier.Enqueue(task);
                }
            }
        }
        return [.. result];
    }

    private static SortedSet<string> Blockers(Dictionary<string, SortedSet<string>> blockedBy, string task) =>
        blockedBy.TryGetValue(task, out var set)
            ? set
            : blockedBy[task] = new SortedSet<string>(StringComparer.Ordinal);
}

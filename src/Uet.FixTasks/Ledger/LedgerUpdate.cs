using Uet.Core.Ledger;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// One run's update of the fix tasks, as the steps of <see cref="FixTaskLedger"/> make it: the tasks as they stand,
/// which of them changed (to be saved), and the events that say so.
/// </summary>
internal sealed class LedgerUpdate
{
    private readonly Dictionary<string, FixTask> _tasks;
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public LedgerUpdate(CompletedRun run, IEnumerable<FixTask> tasks, DateTimeOffset now)
    {
        Run = run;
        Now = now;
        Events = new FeedbackEvents(run.Run.RunId, now);
        _tasks = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public CompletedRun Run { get; }

    public DateTimeOffset Now { get; }

    public FeedbackEvents Events { get; }

    public IEnumerable<FixTask> Tasks => _tasks.Values;

    public FixTask? Find(string id) => _tasks.GetValueOrDefault(id);

    public bool IsChanged(string id) => _changed.Contains(id);

    /// <summary>The task as it is now, with the events that say how it changed.</summary>
    public void Save(FixTask task)
    {
        Events.Changed(task, Find(task.Id));
        Replace(task);
    }

    /// <summary>The task as it is now, in a way no event reports (what it blocks).</summary>
    public void Replace(FixTask task)
    {
        _tasks[task.Id] = task;
        _changed.Add(task.Id);
    }

    public LedgerChanges Changes(BlockedWorkState? blockedWork) =>
        new([.. _changed.Select(id => FixTaskJson.ToStored(_tasks[id]))], blockedWork, Events.All);
}

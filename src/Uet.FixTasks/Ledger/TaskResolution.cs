using Uet.FixTasks.Priorities;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// The step for the open tasks that did not fail in this run: their tests that passed are recorded; a task whose
/// tests all pass is resolved, unless one of them failed earlier in the same session (then it stays open, as
/// flaky); a high task whose tests turn out flaky drops to medium. An aborted-run task is resolved by the
/// project's next complete run.
/// </summary>
internal sealed class TaskResolution(Prioritizer prioritizer, TestHistory history)
{
    public void Apply(LedgerUpdate update)
    {
        var abortedRunTask = HostTasks.AbortedTaskId(update.Run.Run.Project);
        foreach (var task in update.Tasks.Where(t => t.IsOpen && !update.IsChanged(t.Id)).ToList())
        {
            var after = task.Id == abortedRunTask ? Resolved(task, update) : Passed(task, update);
            if (!ReferenceEquals(after, task))
            {
                update.Save(after);
            }
        }
    }

    private FixTask Passed(FixTask task, LedgerUpdate update)
    {
        var run = update.Run;
        if (!task.Tests.Any(t => run.PassedTests.Contains(t.Name)))
        {
            return task;
        }
        var tests = task
            .Tests.Select(t =>
                run.PassedTests.Contains(t.Name)
                    ? t with
                    {
                        History = history.Appended(t.History, TestHistory.Passed(run.Run)),
                    }
                    : t
            )
            .ToList();
        var flaky = history.IsFlaky(tests);
        var withinSession = tests.Any(t => Flakiness.PassedAfterFailingInOneSession(t.History));
        var updated = task with { Tests = tests, Flaky = flaky };
        if (flaky && updated.Priority == Priority.High)
        {
            var rank = prioritizer.Flaky(withinSession);
            updated = updated with { Priority = rank.Priority, Reason = rank.Reason };
        }
        return tests.All(t => t.LastOutcome == TestRunOutcome.Passed) && !withinSession
            ? Resolved(updated, update)
            : updated;
    }

    private static FixTask Resolved(FixTask task, LedgerUpdate update) =>
        task with
        {
            Status = FixTaskStatus.Resolved,
            ResolvedAt = update.Now,
        };
}

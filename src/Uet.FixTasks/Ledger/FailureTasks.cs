using Uet.Core.Events;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Signatures;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// The step for failed tests: grouped by root cause (<see cref="FailureSignature"/>), each cause is one task,
/// created, reopened or updated, ranked, with its context.
/// </summary>
internal sealed class FailureTasks(Prioritizer prioritizer, TaskContextBuilder contexts, TestHistory history)
{
    public void Apply(LedgerUpdate update)
    {
        var causes = update
            .Run.Failures.Select(f => (Failure: f, Cause: FailureCause.Of(f)))
            .GroupBy(x => FailureSignature.Of(x.Cause, x.Failure.FullyQualifiedName));
        foreach (var cause in causes)
        {
            update.Save(Task(cause.Key, [.. cause], update));
        }
    }

    private FixTask Task(
        FailureSignature signature,
        List<(TestResultRecord Failure, FailureCause Cause)> failures,
        LedgerUpdate update
    )
    {
        var (latest, cause) = failures[^1];
        var existing = update.Find(signature.TaskId);
        var tests = history.WithFailures(existing?.Tests ?? [], failures.Select(f => f.Failure), update.Run.Run);
        var flaky = history.IsFlaky(tests);
        var failing = tests.Where(t => t.LastOutcome == TestRunOutcome.Failed).Select(t => t.Name).ToList();
        var rank = prioritizer.Rank([.. failures.Select(f => f.Failure)], failing.Count, flaky);
        var title = TaskTitles.Failure(signature, cause);
        var startAt =
            cause.FirstUserFrame is { File: { } file } frame ? $"{file}:{frame.Line}"
            : latest.CodeFilePath is { } path ? $"{path}:{latest.LineNumber}"
            : null;
        var (context, info) = contexts.Build(title, cause, latest, failing, startAt);
        return TaskMaker.Seen(signature, title, rank, latest.ErrorMessage ?? "", failures.Count, update) with
        {
            Flaky = flaky,
            Stack = [.. cause.FramesUserFirst.Select(f => f.Text)],
            StartAt = startAt,
            Tests = tests,
            Context = context,
            ContextInfo = info,
        };
    }
}

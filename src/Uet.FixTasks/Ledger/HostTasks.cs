using Uet.Core.Events;
using Uet.Core.Health;
using Uet.Core.Runs;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Signatures;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// The step for runs cut short: a test host the health monitor quarantined (hung) or found crashed is a critical
/// task naming the test it was running; a run the platform aborted with no such finding is one critical task per
/// project, resolved by the project's next complete run.
/// </summary>
internal sealed class HostTasks(TestHistory history)
{
    /// <summary>The exception type of the task that stands for an aborted run.</summary>
    private const string AbortedRunType = "run aborted";

    public void Apply(LedgerUpdate update)
    {
        var run = update.Run;
        var hosts = run
            .HostFindings.Where(f => f.Kind is EventKinds.WorkerQuarantined or EventKinds.WorkerCrashed)
            .ToList();
        foreach (var finding in hosts)
        {
            update.Save(Host(finding, update));
        }
        // An aborted run whose host the monitor caught has its task already, naming the test.
        if (run.Completion.Aborted && !run.Completion.Canceled && hosts.Count == 0)
        {
            update.Save(Aborted(update));
        }
    }

    /// <summary>The task that stands for the aborted runs of a project.</summary>
    public static string AbortedTaskId(string project) => AbortedSignature(project).TaskId;

    private static FailureSignature AbortedSignature(string project) => new(AbortedRunType, project, project);

    private FixTask Host(HealthFinding finding, LedgerUpdate update)
    {
        var run = update.Run.Run;
        var hung = finding.Kind == EventKinds.WorkerQuarantined;
        var test = finding.Test ?? "(no test running)";
        var signature = new FailureSignature(hung ? "test host hang" : "test host crash", test, run.Project);
        var rank = Prioritizer.Host(finding);
        var title = TaskTitles.Host(hung, test);
        return TaskMaker.Seen(signature, title, rank, rank.Why, 1, update) with
        {
            Tests = finding.Test is null ? [] : [HostTest(test, update.Find(signature.TaskId), run)],
            Context =
                $"## Task\n{title} (host process {finding.HostId}, project {run.Project}).\n{rank.Reason}.\nRun {run.RunId}; `uet events --run {run.RunId} --kind {finding.Kind}` has the health checks.\n",
        };
    }

    /// <summary>The test a host was running, with one more failure.</summary>
    private TaskTest HostTest(string test, FixTask? existing, RunState run) =>
        existing?.Tests.FirstOrDefault(t => t.Name == test) is { } known
            ? known with
            {
                History = history.Appended(known.History, TestHistory.Failed(run)),
            }
            : new TaskTest(
                test,
                run.Sources.Count > 0 ? run.Sources[0] : null,
                null,
                null,
                [],
                [TestHistory.Failed(run)]
            );

    private static FixTask Aborted(LedgerUpdate update)
    {
        var run = update.Run.Run;
        var reason = update.Run.Completion.AbortReason ?? "no reason given";
        return TaskMaker.Seen(
            AbortedSignature(run.Project),
            TaskTitles.AbortedRun(run.Project),
            Prioritizer.Aborted(reason),
            reason,
            1,
            update
        ) with
        {
            Context =
                $"## Task\nThe test run of {run.Project} was aborted: {reason}\nThe tests after the abort did not run; the last results before it are in run {run.RunId}.\n",
        };
    }
}

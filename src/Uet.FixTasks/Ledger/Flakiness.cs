using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>
/// A test is flaky when, in its recent runs, it went from failing to passing and back (or the other way), or when
/// it failed and then passed within one test session (a retry, another target framework).
/// </summary>
public static class Flakiness
{
    public static bool IsFlaky(IReadOnlyList<TestRunOutcome> history, int recentRuns)
    {
        var recent = history.TakeLast(recentRuns).ToList();
        var changes = recent.Zip(recent.Skip(1)).Count(pair => pair.First.Outcome != pair.Second.Outcome);
        return changes >= 2 || PassedAfterFailingInOneSession(recent);
    }

    public static bool PassedAfterFailingInOneSession(IReadOnlyList<TestRunOutcome> history) =>
        history.Count >= 2
        && history[^1].Outcome == TestRunOutcome.Passed
        && history
            .Take(history.Count - 1)
            .Any(h => h.Outcome == TestRunOutcome.Failed && h.SessionId == history[^1].SessionId);
}

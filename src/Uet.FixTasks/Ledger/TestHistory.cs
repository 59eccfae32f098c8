using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Ledger;

/// <summary>How a task's tests ended lately: the outcomes each keeps, enough to tell flakiness.</summary>
internal sealed class TestHistory(int flakyRuns)
{
    public static TestRunOutcome Failed(RunState run) => new(TestRunOutcome.Failed, run.RunId, run.SessionId);

    public static TestRunOutcome Passed(RunState run) => new(TestRunOutcome.Passed, run.RunId, run.SessionId);

    /// <summary>The outcomes with one more, the oldest dropped past what flakiness looks at.</summary>
    public List<TestRunOutcome> Appended(IReadOnlyList<TestRunOutcome> history, TestRunOutcome outcome) =>
        [.. history.Append(outcome).TakeLast(Math.Max(flakyRuns, 2))];

    /// <summary>The tests of a task with this run's failures added (a new test, or one more outcome of a known one).</summary>
    public List<TaskTest> WithFailures(
        IReadOnlyList<TaskTest> known,
        IEnumerable<TestResultRecord> failures,
        RunState run
    )
    {
        var tests = known.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var failure in failures)
        {
            tests[failure.FullyQualifiedName] = tests.TryGetValue(failure.FullyQualifiedName, out var test)
                ? test with
                {
                    History =
                        test.History.Count > 0 && test.History[^1].RunId == run.RunId
                            ? test.History
                            : Appended(test.History, Failed(run)),
                }
                : new TaskTest(
                    failure.FullyQualifiedName,
                    failure.Source,
                    failure.CodeFilePath,
                    failure.LineNumber,
                    failure.Categories,
                    [Failed(run)]
                );
        }
        return [.. tests.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public bool IsFlaky(IEnumerable<TaskTest> tests) => tests.Any(t => Flakiness.IsFlaky(t.History, flakyRuns));
}

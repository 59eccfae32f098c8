using Uet.Core.Events;

namespace Uet.FixTasks.Priorities;

/// <summary>
/// Ranks a root cause by the rules, blocking before warning, and says why. Critical: the run was aborted (a host
/// crashed or hung), a class or assembly initialise or cleanup failed, a blocking test failed, or the cause fails
/// many tests. Medium: the cause is flaky (its tests went from failing to passing and back) or known to be.
/// High: everything else.
/// </summary>
public sealed class Prioritizer(FixTaskRules rules)
{
    /// <summary>The rank of a cause from its failures in this run (and its tests over all runs).</summary>
    public Rank Rank(IReadOnlyList<TestResultRecord> failures, int testCount, bool flaky)
    {
        if (failures.Select(f => f.ErrorMessage).FirstOrDefault(IsInitialization) is { } initialization)
        {
            var marker = rules.InitializationMarkers.First(m =>
                initialization.Contains(m, StringComparison.OrdinalIgnoreCase)
            );
            return new(
                Priority.Critical,
                $"an initialise or cleanup method failed (\"{marker}\"), so every test it sets up fails"
            );
        }
        if (failures.Select(BlockingMark).FirstOrDefault(m => m is not null) is { } mark)
        {
            return new(Priority.Critical, $"a blocking test failed ({mark})");
        }
        if (testCount >= rules.ManyFailures)
        {
            return new(
                Priority.Critical,
                $"one root cause fails {testCount} tests (the threshold is {rules.ManyFailures})"
            );
        }
        if (flaky)
        {
            return Flaky(withinSession: false);
        }
        if (failures.Any(f => IsKnownFlaky(f.FullyQualifiedName)))
        {
            return new(Priority.Medium, "a test known to be flaky (known_flaky in the rules)");
        }
        return new(Priority.High, "a test failed");
    }

    /// <summary>The rank of a cause whose tests turned out flaky (<see cref="Ledger.Flakiness"/>).</summary>
    public Rank Flaky(bool withinSession) =>
        new(
            Priority.Medium,
            withinSession
                ? "flaky, a test failed and then passed within one test session"
                : $"flaky, its tests went from failing to passing and back in their last {rules.FlakyRuns} runs"
        );

    /// <summary>The rank of a run that the test platform aborted (a host crashed or hung).</summary>
    public static Rank Aborted(string? reason) =>
        new(
            Priority.Critical,
            $"the test run was aborted{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({FirstLine(reason)})")}; the tests after the crash did not run"
        );

    /// <summary>The rank of a test host that the health monitor quarantined (it hung) or found crashed.</summary>
    public static Rank Host(Core.Health.HealthFinding finding) =>
        finding.Kind == Core.Events.EventKinds.WorkerQuarantined
            ? new(
                Priority.Critical,
                $"the test host made no progress for {finding.ProgressAge.TotalSeconds:0} s{Running(finding)}; quarantined after {finding.Failures} failed health checks{(finding.Killed ? " and ended, so the rest of the session could finish" : "")}"
            )
            : new(Priority.Critical, $"the test host crashed{Running(finding)}; the tests after it did not run");

    private static string Running(Core.Health.HealthFinding finding) =>
        finding.Test is { } test ? $" while running {test}" : "";

    private bool IsInitialization(string? message) =>
        message is not null
        && rules.InitializationMarkers.Any(m => message.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>What makes a failed test blocking, in words, or null.</summary>
    private string? BlockingMark(TestResultRecord test)
    {
        if (
            test.Categories.FirstOrDefault(c =>
                rules.BlockingCategories.Contains(c, StringComparer.OrdinalIgnoreCase)
            ) is
            { } category
        )
        {
            return $"{test.FullyQualifiedName} has the category \"{category}\"";
        }
        if (test.Priority is { } priority && rules.BlockingPriorities.Contains(priority))
        {
            return $"{test.FullyQualifiedName} has priority {priority}";
        }
        foreach (var (name, value) in test.Traits)
        {
            if (
                rules.BlockingTraits.TryGetValue(name, out var values)
                && (values.Count == 0 || values.Contains(value, StringComparer.OrdinalIgnoreCase))
            )
            {
                return $"{test.FullyQualifiedName} has the trait {name}={value}";
            }
        }
        return null;
    }

    private bool IsKnownFlaky(string test) =>
        rules.KnownFlaky.Any(known =>
            known.EndsWith('.') ? test.StartsWith(known, StringComparison.Ordinal) : test == known
        );

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}

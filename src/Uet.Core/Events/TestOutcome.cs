namespace Uet.Core.Events;

/// <summary>A test's outcome, as Uet counts it. VSTest's NotFound and None are counted as skipped.</summary>
public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}

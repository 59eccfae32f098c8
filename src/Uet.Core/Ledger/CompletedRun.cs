using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.Core.Ledger;

/// <summary>
/// What a fix-task ledger learns from a run that ended: its state, its failures, which tests passed, and what the
/// health monitor found about its test hosts (quarantines and crashes).
/// </summary>
public sealed record CompletedRun(
    RunState Run,
    RunCompletion Completion,
    IReadOnlyList<TestResultRecord> Failures,
    IReadOnlySet<string> PassedTests
)
{
    public IReadOnlyList<Health.HealthFinding> HostFindings { get; init; } = [];
}

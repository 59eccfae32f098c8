using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.Core.Ledger;

/// <summary>What a fix-task ledger learns from a run that ended: its state, its failures and which tests passed.</summary>
public sealed record CompletedRun(
    RunState Run,
    RunCompletion Completion,
    IReadOnlyList<TestResultRecord> Failures,
    IReadOnlySet<string> PassedTests);

namespace Uet.Core.Events;

/// <summary>
/// The <c>kind</c> values of the <c>run_event</c> documents Uet writes for test runs. Every value is in the
/// enumeration of the shipped <c>run_event.v1.json</c> schema (a test keeps the two equal).
/// </summary>
public static class EventKinds
{
    /// <summary>A test run began: sources, target framework, settings, session, host process.</summary>
    public const string RunStarted = "run_started";

    /// <summary>A test run ended normally (it may still have failed tests, or be aborted by VSTest).</summary>
    public const string RunCompleted = "run_completed";

    /// <summary>The process recording the run ended without completing it (killed, crashed); written on recovery.</summary>
    public const string RunAborted = "run_aborted";

    /// <summary>One failed test, with its message, stack, output and source.</summary>
    public const string TestFailed = "test_failed";

    /// <summary>A batch of passed tests, in the order they ended.</summary>
    public const string TestsPassed = "tests_passed";

    /// <summary>A batch of skipped (or not found, or inconclusive) tests.</summary>
    public const string TestsSkipped = "tests_skipped";

    public const string FeedbackTaskCreated = "feedback_task_created";
    public const string FeedbackTaskResolved = "feedback_task_resolved";
    public const string FeedbackTaskReopened = "feedback_task_reopened";
    public const string FeedbackTaskPriorityChanged = "feedback_task_priority_changed";
    public const string TaskBlocked = "task_blocked";
    public const string TaskUnblocked = "task_unblocked";
    public const string WorkerHealthCheckFailed = "worker_health_check_failed";
    public const string WorkerQuarantined = "worker_quarantined";
    public const string WorkerCrashed = "worker_crashed";

    /// <summary>What the health monitor found about test hosts (the stored names say "worker": they are public).</summary>
    public static IReadOnlyList<string> HostKinds { get; } =
    [WorkerHealthCheckFailed, WorkerQuarantined, WorkerCrashed];

    /// <summary>The kinds above, the test-run extension of the schema's enumeration.</summary>
    public static IReadOnlyList<string> TestRunKinds { get; } =
    [
        RunStarted,
        RunCompleted,
        RunAborted,
        TestFailed,
        TestsPassed,
        TestsSkipped,
        FeedbackTaskCreated,
        FeedbackTaskResolved,
        FeedbackTaskReopened,
        FeedbackTaskPriorityChanged,
        TaskBlocked,
        TaskUnblocked,
        WorkerHealthCheckFailed,
        WorkerQuarantined,
        WorkerCrashed,
    ];
}

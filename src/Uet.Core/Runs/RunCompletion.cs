namespace Uet.Core.Runs;

/// <summary>What the test platform reports when a run ends: its own statistics and whether it was cut short.</summary>
public sealed record RunCompletion
{
    public int Passed { get; init; }
    public int Failed { get; init; }
    public int Skipped { get; init; }
    public bool Aborted { get; init; }
    public bool Canceled { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>Why the platform aborted the run, when it says (e.g. "The active test run was aborted. Reason: ...").</summary>
    public string? AbortReason { get; init; }
}

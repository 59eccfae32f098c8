using Uet.Core.Recording;

namespace Uet.TestLogger.Recording;

/// <summary>The one line the logger prints when a run ends: counts, state, and where the record is.</summary>
internal static class EndOfRunLine
{
    public static string For(RecordingOutcome outcome)
    {
        var run = outcome.Run;
        var framework = run.TargetFramework is null ? "" : $" ({run.TargetFramework})";
        var state = run.Aborted ? ", ABORTED" : "";
        var where =
            outcome.StorePath is not null
                ? $"recorded in {outcome.StorePath} as run {run.RunId} (uet events --run {run.RunId})"
            : outcome.FallbackPath is not null
                ? $"NOT in the store; events saved to {outcome.FallbackPath} (uet import {outcome.FallbackPath} brings them in)"
            : "not recorded";
        return $"Uet: {run.Project}{framework}: {run.Passed} passed, {run.Failed} failed, {run.Skipped} skipped{state}; {where}";
    }
}

namespace Uet.Core.Runs;

/// <summary>Compares a stored run with the run rebuilt from its events, field by field.</summary>
public static class RunDifferences
{
    /// <summary>One line per field that differs, "field: stored X, from events Y"; empty when they agree.</summary>
    public static IReadOnlyList<string> Between(RunState stored, RunState replayed)
    {
        var differences = new List<string>();
        void Compare<T>(string field, T storedValue, T replayedValue)
        {
            if (!EqualityComparer<T>.Default.Equals(storedValue, replayedValue))
            {
                differences.Add($"{field}: stored {Show(storedValue)}, from events {Show(replayedValue)}");
            }
        }
        Compare("session_id", stored.SessionId, replayed.SessionId);
        Compare("project", stored.Project, replayed.Project);
        Compare("target_framework", stored.TargetFramework, replayed.TargetFramework);
        Compare("state", stored.State, replayed.State);
        Compare("state_reason", stored.StateReason, replayed.StateReason);
        Compare("aborted", stored.Aborted, replayed.Aborted);
        Compare("canceled", stored.Canceled, replayed.Canceled);
        Compare("passed", stored.Passed, replayed.Passed);
        Compare("failed", stored.Failed, replayed.Failed);
        Compare("skipped", stored.Skipped, replayed.Skipped);
        Compare("started_at", stored.StartedAt, replayed.StartedAt);
        Compare("ended_at", stored.EndedAt, replayed.EndedAt);
        Compare("events", stored.EventCount, replayed.EventCount);
        return differences;
    }

    private static string Show<T>(T value) =>
        value switch
        {
            null => "null",
            DateTimeOffset time => Events.Timestamps.Format(time),
            bool flag => flag ? "true" : "false",
            _ => value.ToString() ?? "null",
        };
}

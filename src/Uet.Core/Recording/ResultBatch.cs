using Uet.Core.Events;

namespace Uet.Core.Recording;

/// <summary>
/// Passed or skipped results gathered into batch events of at most <paramref name="size"/> results each (one
/// event a result would be most of what a big run writes).
/// </summary>
internal sealed class ResultBatch(string runId, TestOutcome outcome, string runSource, int size)
{
    private readonly List<TestResultRecord> _results = [];

    /// <summary>Adds a result; returns the batch's event when this result filled it.</summary>
    public RunEvent? Add(TestResultRecord result, DateTimeOffset now)
    {
        _results.Add(result);
        return _results.Count >= size ? Close(now) : null;
    }

    /// <summary>The event of the results gathered so far, if any; the batch starts empty again.</summary>
    public RunEvent? Close(DateTimeOffset now)
    {
        if (_results.Count == 0)
        {
            return null;
        }
        var batch = RunEvents.Batch(runId, outcome, _results, runSource, now);
        _results.Clear();
        return batch;
    }
}

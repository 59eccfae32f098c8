using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// The results of a test host that count, and their counts. A node's first result counts; a later one only when it
/// is a failure (xUnit reports a cleanup failure of a test that passed that way), so a test is never counted twice
/// for one outcome. Nothing counts once the session has ended.
/// </summary>
internal sealed class FinishedTests
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly JournalCounts _counts = new();
    private bool _ended;

    public bool Ended
    {
        get
        {
            lock (_gate)
            {
                return _ended;
            }
        }
    }

    public bool Accept(NodeUpdate.Finished finished)
    {
        lock (_gate)
        {
            if (_ended || !(_keys.Add(finished.Key) || finished.Result.Outcome == TestOutcome.Failed))
            {
                return false;
            }
            _counts.Add(finished.Result);
            return true;
        }
    }

    /// <summary>Ends the session: what comes after has no run to go to.</summary>
    public RunCompletion End(bool canceled, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _ended = true;
            return _counts.Completion(aborted: false, canceled, elapsed, abortReason: null);
        }
    }
}

using Uet.Core.Events;
using Uet.Core.Runs;
using Uet.Core.Store;

namespace Uet.Core.Recording;

/// <summary>
/// The writer thread's side of a <see cref="RunRecorder"/>: keeps the run's state from the results it is handed,
/// gathers passed and skipped results into batch events, and writes to the store, or to the JSONL fallback once
/// the store has failed.
/// </summary>
internal sealed class RunWriter : IDisposable
{
    private readonly RecorderOptions _options;
    private readonly Action<string> _warn;
    private readonly List<RunEvent> _pending = [];
    private readonly List<TestResultRecord> _passed = [];
    private readonly List<TestResultRecord> _skipped = [];
    private readonly JsonlFallback _fallback;
    private UetStore? _store;
    private bool _usedFallback;
    private RunState _run;

    public RunWriter(RecorderOptions options, string runId, RunStart start, Action<string> warn)
    {
        _options = options;
        _warn = warn;
        _fallback = new JsonlFallback(options.FallbackDirectory, runId);
        var started = RunEvents.Started(runId, start, Timestamps.Now());
        _run = new RunState
        {
            RunId = runId,
            SessionId = start.SessionId,
            Project = start.Project,
            TargetFramework = start.TargetFramework,
            Sources = start.Sources,
            StartedAt = started.Ts,
            Recorder = start.Recorder,
        };
        _store = OpenStore();
        _pending.Add(started);
        Flush(); // At once: from now on the store shows the run as running, and can recover it.
    }

    public int PendingEvents => _pending.Count;

    public RecordingOutcome Outcome => new(_run, _usedFallback ? null : _store?.Path, _usedFallback ? _fallback.Path : null);

    public void Add(TestResultRecord result)
    {
        switch (result.Outcome)
        {
            case TestOutcome.Failed:
                _run = _run with { Failed = _run.Failed + 1 };
                _pending.Add(RunEvents.Failed(_run.RunId, result));
                break;
            case TestOutcome.Passed:
                _run = _run with { Passed = _run.Passed + 1 };
                AddToBatch(_passed, TestOutcome.Passed, result);
                break;
            default:
                _run = _run with { Skipped = _run.Skipped + 1 };
                AddToBatch(_skipped, TestOutcome.Skipped, result);
                break;
        }
    }

    public void Complete(RunCompletion completion)
    {
        CloseBatches();
        _pending.Add(RunEvents.Completed(_run.RunId, completion));
        var aborted = completion.Aborted || completion.Canceled;
        _run = _run with
        {
            EndedAt = _pending[^1].Ts,
            Aborted = aborted,
            Canceled = completion.Canceled,
            State = RunStates.Final(_run.Failed, completion.Aborted, completion.Canceled),
            StateReason = completion.AbortReason ?? RunStates.FinalReason(_run.Failed, completion.Aborted, completion.Canceled),
        };
        Flush();
    }

    /// <summary>Writes what is pending, with the passed and skipped results gathered so far.</summary>
    public void Flush()
    {
        CloseBatches();
        if (_pending.Count == 0)
        {
            return;
        }
        var state = _run with { EventCount = _run.EventCount + _pending.Count };
        if (_store is not null)
        {
            try
            {
                _store.Append(state, _pending);
                _run = state;
                _pending.Clear();
                return;
            }
            catch (StoreException e)
            {
                _warn($"Uet: {e.Message} The test run goes on; this run's events from now on are written to {_fallback.Path}.");
                _store.Dispose();
                _store = null;
            }
        }
        try
        {
            _fallback.Append(_pending);
            _usedFallback = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn($"Uet: the events could not be written to {_fallback.Path} either ({e.Message}); {_pending.Count} events of this run are lost.");
        }
        _run = state;
        _pending.Clear();
    }

    public void Dispose() => _store?.Dispose();

    private UetStore? OpenStore()
    {
        try
        {
            return UetStore.Open(_options.StorePath);
        }
        catch (StoreException e)
        {
            _warn($"Uet: {e.Message} The test run goes on; its events are written to {_fallback.Path}.");
            return null;
        }
    }

    private void AddToBatch(List<TestResultRecord> batch, TestOutcome outcome, TestResultRecord result)
    {
        batch.Add(result);
        if (batch.Count >= _options.ResultsPerBatchEvent)
        {
            _pending.Add(RunEvents.Batch(_run.RunId, outcome, batch));
            batch.Clear();
        }
    }

    private void CloseBatches()
    {
        if (_passed.Count > 0)
        {
            _pending.Add(RunEvents.Batch(_run.RunId, TestOutcome.Passed, _passed));
            _passed.Clear();
        }
        if (_skipped.Count > 0)
        {
            _pending.Add(RunEvents.Batch(_run.RunId, TestOutcome.Skipped, _skipped));
            _skipped.Clear();
        }
    }
}

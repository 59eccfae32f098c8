using Uet.Core.Events;
using Uet.Core.Ledger;
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
    private readonly List<TestResultRecord> _passedBatch = [];
    private readonly List<TestResultRecord> _skippedBatch = [];

    // What the ledger needs at the end, kept only when there is one.
    private readonly List<TestResultRecord> _failures = [];
    private readonly HashSet<string> _passedTests = new(StringComparer.Ordinal);
    private readonly List<Health.HealthReport> _hosts = [];
    private readonly JsonlFallback _fallback;
    private IRunStore? _store;
    private bool _usedFallback;

    /// <summary>The run as last written; the counts below run ahead of it between writes.</summary>
    private RunState _run;
    private int _passed;
    private int _failed;
    private int _skipped;

    public RunWriter(RecorderOptions options, string runId, RunStart start, Action<string> warn)
    {
        _options = options;
        _warn = warn;
        _fallback = new JsonlFallback(options.FallbackDirectory, runId);
        var started = RunEvents.Started(runId, start, Now());
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

    /// <summary>The run's test assembly when it has only one ("" otherwise): batched results leave it out.</summary>
    private string RunSource => _run.Sources.Count == 1 ? _run.Sources[0] : "";

    public RecordingOutcome Outcome =>
        new(_run, _usedFallback ? null : _store?.Location, _usedFallback ? _fallback.Path : null);

    public void Add(TestResultRecord result)
    {
        switch (result.Outcome)
        {
            case TestOutcome.Failed:
                _failed++;
                _pending.Add(RunEvents.Failed(_run.RunId, result, Now()));
                if (_options.Ledger is not null)
                {
                    _failures.Add(result);
                }
                break;
            case TestOutcome.Passed:
                _passed++;
                AddToBatch(_passedBatch, TestOutcome.Passed, result);
                if (_options.Ledger is not null)
                {
                    _passedTests.Add(result.FullyQualifiedName);
                }
                break;
            default:
                _skipped++;
                AddToBatch(_skippedBatch, TestOutcome.Skipped, result);
                break;
        }
    }

    /// <summary>A test host's health findings, as events of the run (at the times they were found).</summary>
    public void Add(Health.HealthReport report)
    {
        _hosts.Add(report);
        foreach (var (at, finding) in report.Findings)
        {
            _pending.Add(RunEvents.Health(_run.RunId, finding, at));
        }
    }

    public void Complete(RunCompletion completion)
    {
        CloseBatches();
        var completedWithLedger =
            _store is not null && _options.Ledger is { } ledger && CompleteWithLedger(ledger, completion);
        if (!completedWithLedger)
        {
            _pending.Add(RunEvents.Completed(_run.RunId, completion, Now()));
            _run = Final(_run, completion, _pending[^1].Ts);
            Flush();
        }
        SaveHosts();
    }

    /// <summary>The test hosts' reports, beside the run (their findings are already events of it).</summary>
    private void SaveHosts()
    {
        if (_store is null || _hosts.Count == 0)
        {
            return;
        }
        try
        {
            _store.SaveHosts(_run.RunId, _hosts);
        }
        catch (StoreException e)
        {
            _warn(
                $"Uet: the test hosts of this run could not be saved ({e.Message}); their health events are recorded."
            );
        }
    }

    /// <summary>Writes what is pending, with the passed and skipped results gathered so far.</summary>
    public void Flush()
    {
        CloseBatches();
        if (_pending.Count == 0)
        {
            return;
        }
        var state = Counted(_run);
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
                StoreFailed(e);
            }
        }
        try
        {
            _fallback.Append(_pending);
            _usedFallback = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn(
                $"Uet: the events could not be written to {_fallback.Path} either ({e.Message}); {_pending.Count} events of this run are lost."
            );
        }
        _run = state;
        _pending.Clear();
    }

    public void Dispose() => _store?.Dispose();

    private DateTimeOffset Now() => Timestamps.Now(_options.Clock);

    /// <summary>
    /// The last write of a run with a ledger, in one transaction: the pending events, the ledger's changes and their
    /// events, and run_completed last of all. False when the store failed (the caller falls back as usual).
    /// </summary>
    private bool CompleteWithLedger(IFixTaskLedger ledger, RunCompletion completion)
    {
        try
        {
            _run = _store!.Complete(_pending, tasks =>
            {
                var changes = UpdateLedger(ledger, Final(Counted(_run), completion, Now()), completion, tasks);
                var completed = RunEvents.Completed(_run.RunId, completion, Now());
                var final = Final(Counted(_run), completion, completed.Ts) with
                {
                    EventCount = _run.EventCount + _pending.Count + changes.Events.Count + 1,
                };
                return (final, changes with { Events = [.. changes.Events, completed] });
            });
            _pending.Clear();
            return true;
        }
        catch (StoreException e)
        {
            StoreFailed(e);
            return false;
        }
    }

    /// <summary>The run with the counts so far and the pending events counted.</summary>
    private RunState Counted(RunState run) =>
        run with
        {
            Passed = _passed,
            Failed = _failed,
            Skipped = _skipped,
            EventCount = run.EventCount + _pending.Count,
        };

    private RunState Final(RunState run, RunCompletion completion, DateTimeOffset endedAt) =>
        run with
        {
            EndedAt = endedAt,
            Aborted = completion.Aborted || completion.Canceled,
            Canceled = completion.Canceled,
            State = RunStates.Final(_failed, completion.Aborted, completion.Canceled),
            StateReason = completion.AbortReason
                ?? RunStates.FinalReason(_failed, completion.Aborted, completion.Canceled),
        };

    private void StoreFailed(StoreException e)
    {
        _warn($"Uet: {e.Message} The test run goes on; this run's events from now on are written to {_fallback.Path}.");
        _store!.Dispose();
        _store = null;
    }

    /// <summary>The ledger's changes; a ledger that fails costs the fix tasks of this run, never the run's record.</summary>
    private LedgerChanges UpdateLedger(
        IFixTaskLedger ledger,
        RunState state,
        RunCompletion completion,
        LedgerState tasks
    )
    {
        try
        {
            var hostFindings = _hosts.SelectMany(h => h.Findings.Select(f => f.Finding)).ToList();
            return ledger.Update(
                new CompletedRun(state, completion, _failures, _passedTests) { HostFindings = hostFindings },
                tasks
            );
        }
        catch (Exception e) when (e is not StoreException)
        {
            _warn(
                $"Uet: the fix tasks of this run could not be updated ({e.GetType().Name}: {e.Message}); the run is recorded."
            );
            return LedgerChanges.None;
        }
    }

    private IRunStore? OpenStore()
    {
        try
        {
            return _options.OpenStore(_options.StorePath, createIfMissing: true);
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
            _pending.Add(RunEvents.Batch(_run.RunId, outcome, batch, RunSource, Now()));
            batch.Clear();
        }
    }

    private void CloseBatches()
    {
        if (_passedBatch.Count > 0)
        {
            _pending.Add(RunEvents.Batch(_run.RunId, TestOutcome.Passed, _passedBatch, RunSource, Now()));
            _passedBatch.Clear();
        }
        if (_skippedBatch.Count > 0)
        {
            _pending.Add(RunEvents.Batch(_run.RunId, TestOutcome.Skipped, _skippedBatch, RunSource, Now()));
            _skippedBatch.Clear();
        }
    }
}

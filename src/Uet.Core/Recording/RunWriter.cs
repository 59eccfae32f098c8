using Uet.Core.Events;
using Uet.Core.Ledger;
using Uet.Core.Runs;

namespace Uet.Core.Recording;

/// <summary>
/// The writer thread's side of a <see cref="RunRecorder"/>: keeps the run's state from the results it is handed,
/// turns them into events (passed and skipped ones in batches) and writes them (<see cref="StoreOrFallback"/>);
/// the last write hands the run to the fix-task ledger, when there is one.
/// </summary>
internal sealed class RunWriter : IDisposable
{
    private readonly RecorderOptions _options;
    private readonly Action<string> _warn;
    private readonly StoreOrFallback _output;
    private readonly List<RunEvent> _pending = [];
    private readonly ResultBatch _passedBatch;
    private readonly ResultBatch _skippedBatch;

    // What the ledger needs at the end, kept only when there is one.
    private readonly List<TestResultRecord> _failures = [];
    private readonly HashSet<string> _passedTests = new(StringComparer.Ordinal);
    private readonly List<Health.HealthReport> _hosts = [];

    /// <summary>The run as last written; the counts below run ahead of it between writes.</summary>
    private RunState _run;
    private int _passed;
    private int _failed;
    private int _skipped;

    public RunWriter(RecorderOptions options, string runId, RunStart start, Action<string> warn)
    {
        _options = options;
        _warn = warn;
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
        // Batched results leave out the run's test assembly when it has only one.
        var runSource = start.Sources.Count == 1 ? start.Sources[0] : "";
        _passedBatch = new ResultBatch(runId, TestOutcome.Passed, runSource, options.ResultsPerBatchEvent);
        _skippedBatch = new ResultBatch(runId, TestOutcome.Skipped, runSource, options.ResultsPerBatchEvent);
        _output = new StoreOrFallback(options, runId, warn);
        _pending.Add(started);
        Flush(); // At once: from now on the store shows the run as running, and can recover it.
    }

    public int PendingEvents => _pending.Count;

    public RecordingOutcome Outcome => new(_run, _output.StoreLocation, _output.FallbackPath);

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
                AddPending(_passedBatch.Add(result, Now()));
                if (_options.Ledger is not null)
                {
                    _passedTests.Add(result.FullyQualifiedName);
                }
                break;
            default:
                _skipped++;
                AddPending(_skippedBatch.Add(result, Now()));
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
        if (_options.Ledger is not { } ledger || !CompleteWithLedger(ledger, completion))
        {
            _pending.Add(RunEvents.Completed(_run.RunId, completion, Now()));
            _run = Final(_run, completion, _pending[^1].Ts);
            Flush();
        }
        _output.SaveHosts(_run.RunId, _hosts);
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
        _output.Append(state, _pending);
        _run = state;
        _pending.Clear();
    }

    public void Dispose() => _output.Dispose();

    private DateTimeOffset Now() => Timestamps.Now(_options.Clock);

    /// <summary>
    /// The last write of a run with a ledger, in one transaction: the pending events, the ledger's changes and their
    /// events, and run_completed last of all. False when there is no store or it failed (the caller falls back as
    /// usual).
    /// </summary>
    private bool CompleteWithLedger(IFixTaskLedger ledger, RunCompletion completion)
    {
        var saved = _output.TryComplete(_pending, tasks =>
        {
            var changes = UpdateLedger(ledger, Final(Counted(_run), completion, Now()), completion, tasks);
            var completed = RunEvents.Completed(_run.RunId, completion, Now());
            var final = Final(Counted(_run), completion, completed.Ts) with
            {
                EventCount = _run.EventCount + _pending.Count + changes.Events.Count + 1,
            };
            return (final, changes with { Events = [.. changes.Events, completed] });
        });
        if (saved is null)
        {
            return false;
        }
        _run = saved;
        _pending.Clear();
        return true;
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
        catch (Exception e) when (e is not Store.StoreException)
        {
            _warn(
                $"Uet: the fix tasks of this run could not be updated ({e.GetType().Name}: {e.Message}); the run is recorded."
            );
            return LedgerChanges.None;
        }
    }

    private void AddPending(RunEvent? runEvent)
    {
        if (runEvent is not null)
        {
            _pending.Add(runEvent);
        }
    }

    private void CloseBatches()
    {
        AddPending(_passedBatch.Close(Now()));
        AddPending(_skippedBatch.Close(Now()));
    }
}

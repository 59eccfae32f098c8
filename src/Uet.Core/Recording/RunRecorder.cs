using System.Collections.Concurrent;
using System.Diagnostics;
using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.Core.Recording;

/// <summary>
/// Records one test run without slowing it: the test platform's handlers only enqueue; one writer thread turns
/// results into events and writes them in transactions of up to <see cref="RecorderOptions.EventsPerTransaction"/>
/// events, at least every <see cref="RecorderOptions.FlushInterval"/>. When the store fails, the writer says so
/// once and sends every event it could not store to a JSONL file instead. Nothing here throws at the caller.
/// </summary>
public sealed class RunRecorder
{
    private readonly RecorderOptions _options;
    private readonly Action<string> _warn;
    private readonly BlockingCollection<object> _queue = [];
    private readonly Thread _writer;
    private RecordingOutcome? _outcome;

    public RunRecorder(RecorderOptions options, string runId, RunStart start, Action<string> warn)
    {
        _options = options;
        _warn = warn;
        RunId = runId;
        _queue.Add(start);
        // A dedicated thread: a store may need each transaction to begin and commit on one thread.
        _writer = new Thread(Write) { IsBackground = true, Name = "uet-recorder" };
        _writer.Start();
    }

    public string RunId { get; }

    /// <summary>Hands a result to the writer and returns at once.</summary>
    public void Record(TestResultRecord result)
    {
        try
        {
            _queue.Add(result);
        }
        catch (InvalidOperationException)
        {
            // The run is complete, or the writer gave up (and said why): the result has nowhere to go.
        }
    }

    /// <summary>Hands what the health collector of a test host found to the writer (at the end of the run).</summary>
    public void Record(Health.HealthReport report)
    {
        try
        {
            _queue.Add(report);
        }
        catch (InvalidOperationException)
        {
            // The run is complete, or the writer gave up: nowhere to go.
        }
    }

    /// <summary>Ends the run and waits until everything is written (or the timeout says otherwise).</summary>
    public RecordingOutcome? Complete(RunCompletion completion)
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.Add(completion);
            _queue.CompleteAdding();
        }
        if (!_writer.Join(_options.CompletionTimeout))
        {
            _warn(
                $"Uet: the run record was still being written after {_options.CompletionTimeout.TotalSeconds:0} s; the test run goes on without waiting. The store may miss this run's last events."
            );
            return null;
        }
        return _outcome;
    }

    private void Write()
    {
        RunWriter? writer = null;
        try
        {
            var start = (RunStart)_queue.Take();
            writer = new RunWriter(_options, RunId, start, _warn);
            var lastFlush = Stopwatch.StartNew();
            while (!_queue.IsCompleted)
            {
                if (_queue.TryTake(out var item, WaitTime(lastFlush)))
                {
                    switch (item)
                    {
                        case TestResultRecord result:
                            writer.Add(result);
                            break;
                        case Health.HealthReport report:
                            writer.Add(report);
                            break;
                        case RunCompletion completion:
                            writer.Complete(completion);
                            _outcome = writer.Outcome;
                            return;
                    }
                }
                if (
                    writer.PendingEvents >= _options.EventsPerTransaction
                    || lastFlush.Elapsed >= _options.FlushInterval
                )
                {
                    writer.Flush();
                    lastFlush.Restart();
                }
            }
        }
        catch (Exception e)
        {
            // The last line of defence: the recorder must never take the test run down.
            _warn($"Uet: recording this run failed ({e.GetType().Name}: {e.Message}); the tests are not affected.");
            _queue.CompleteAdding(); // Nobody takes results any more: stop queueing them.
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private TimeSpan WaitTime(Stopwatch sinceFlush)
    {
        var left = _options.FlushInterval - sinceFlush.Elapsed;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}

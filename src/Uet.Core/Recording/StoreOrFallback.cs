using Uet.Core.Events;
using Uet.Core.Ledger;
using Uet.Core.Runs;
using Uet.Core.Store;

namespace Uet.Core.Recording;

/// <summary>
/// Where a run's writes go: the store while it works; once it fails (said once), the JSONL fallback beside the test
/// results, so that nothing is lost. Nothing here throws at the caller.
/// </summary>
internal sealed class StoreOrFallback : IDisposable
{
    private readonly JsonlFallback _fallback;
    private readonly Action<string> _warn;
    private IRunStore? _store;
    private bool _usedFallback;

    public StoreOrFallback(RecorderOptions options, string runId, Action<string> warn)
    {
        _fallback = new JsonlFallback(options.FallbackDirectory, runId);
        _warn = warn;
        try
        {
            _store = options.OpenStore(options.StorePath, createIfMissing: true);
        }
        catch (StoreException e)
        {
            _warn($"Uet: {e.Message} The test run goes on; its events are written to {_fallback.Path}.");
        }
    }

    /// <summary>The store, while it holds every event of the run.</summary>
    public string? StoreLocation => _usedFallback ? null : _store?.Location;

    /// <summary>The JSONL file, once it holds events of the run.</summary>
    public string? FallbackPath => _usedFallback ? _fallback.Path : null;

    /// <summary>The events and the run's state into the store, or the events into the fallback.</summary>
    public void Append(RunState run, IReadOnlyCollection<RunEvent> events)
    {
        if (_store is not null)
        {
            try
            {
                _store.Append(run, events);
                return;
            }
            catch (StoreException e)
            {
                StoreFailed(e);
            }
        }
        try
        {
            _fallback.Append(events);
            _usedFallback = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn(
                $"Uet: the events could not be written to {_fallback.Path} either ({e.Message}); {events.Count} events of this run are lost."
            );
        }
    }

    /// <summary>The store's <see cref="IRunStore.Complete"/>; null when there is no store or it failed now.</summary>
    public RunState? TryComplete(
        IReadOnlyCollection<RunEvent> events,
        Func<LedgerState, (RunState Run, LedgerChanges Changes)> finish
    )
    {
        if (_store is null)
        {
            return null;
        }
        try
        {
            return _store.Complete(events, finish);
        }
        catch (StoreException e)
        {
            StoreFailed(e);
            return null;
        }
    }

    /// <summary>The test hosts' reports, beside the run (their findings are already events of it).</summary>
    public void SaveHosts(string runId, IReadOnlyList<Health.HealthReport> hosts)
    {
        if (_store is null || hosts.Count == 0)
        {
            return;
        }
        try
        {
            _store.SaveHosts(runId, hosts);
        }
        catch (StoreException e)
        {
            _warn(
                $"Uet: the test hosts of this run could not be saved ({e.Message}); their health events are recorded."
            );
        }
    }

    public void Dispose() => _store?.Dispose();

    private void StoreFailed(StoreException e)
    {
        _warn($"Uet: {e.Message} The test run goes on; this run's events from now on are written to {_fallback.Path}.");
        _store!.Dispose();
        _store = null;
    }
}

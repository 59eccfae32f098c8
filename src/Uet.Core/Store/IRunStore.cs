using Uet.Core.Health;
using Uet.Core.Ledger;
using Uet.Core.Runs;

namespace Uet.Core.Store;

/// <summary>
/// Where runs, their events, fix tasks and test hosts are kept. Every implementation gives the same guarantees
/// (the contract tests in <c>tests/Shared/StoreContract</c> hold each to them): several processes may record into
/// one store at once; a write is one transaction (all of it lands, or none); reads see only committed writes; a
/// failure is a <see cref="StoreException"/> whose message names the store and the cause, and never a password.
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>Where the store is, as a person reads it in a message (a path, or a URI without its password).</summary>
    string Location { get; }

    /// <summary>Runs that were still marked running by a recorder that is gone, marked aborted by this open.</summary>
    IReadOnlyList<string> RecoveredRuns { get; }

    /// <summary>Adds events and saves the run's new state in one transaction: both land, or neither.</summary>
    void Append(RunState run, IReadOnlyCollection<Events.RunEvent> events);

    /// <summary>
    /// The last write of a run, with its fix tasks: in one transaction, the pending events, then what
    /// <paramref name="finish"/> makes of the stored fix tasks (the run's final state, the tasks to save and more
    /// events). Two runs that complete at once see each other's tasks: one finishes after the other. Returns the
    /// run as saved.
    /// </summary>
    RunState Complete(
        IReadOnlyCollection<Events.RunEvent> events,
        Func<LedgerState, (RunState Run, LedgerChanges Changes)> finish
    );

    /// <summary>Saves what the health collectors reported about a run's test hosts (one entry per host).</summary>
    void SaveHosts(string runId, IReadOnlyList<HealthReport> reports);

    /// <summary>The test hosts of a run, as their health collectors reported them, in the order they started.</summary>
    IReadOnlyList<HealthReport> Hosts(string runId);

    /// <summary>The fix tasks, as the ledger saved them.</summary>
    IReadOnlyList<StoredFixTask> FixTasks();

    /// <summary>The blocked work, when a ledger saved it.</summary>
    BlockedWorkState? BlockedWork();

    /// <summary>
    /// Brings events recorded elsewhere (a JSONL fallback file) into the store: per run, the events it does not hold
    /// yet are added and the run's state is rebuilt from all of its events, in one transaction.
    /// </summary>
    IReadOnlyList<ImportedRun> Import(IEnumerable<Events.RunEvent> events);

    /// <summary>Every run, oldest first.</summary>
    IReadOnlyList<RunState> Runs();

    /// <summary>The run with this id, or the newest run for "latest"; null when there is none.</summary>
    RunState? FindRun(string idOrLatest);

    /// <summary>A run's events in the order it wrote them.</summary>
    IReadOnlyList<Events.RunEvent> Events(string runId);
}

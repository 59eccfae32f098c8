namespace Uet.Core.Ledger;

/// <summary>The fix tasks the store holds, and the work they blocked when the ledger last worked it out.</summary>
public sealed record LedgerState(IReadOnlyList<StoredFixTask> Tasks, BlockedWorkState? BlockedWork);

/// <summary>
/// What a ledger changed: the tasks to save (whole), the blocked work to save (null: unchanged), and one event per
/// change, which become events of the run.
/// </summary>
public sealed record LedgerChanges(
    IReadOnlyList<StoredFixTask> Tasks,
    BlockedWorkState? BlockedWork,
    IReadOnlyList<Events.RunEvent> Events
)
{
    public static LedgerChanges None { get; } = new([], null, []);
}

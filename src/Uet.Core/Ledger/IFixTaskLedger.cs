namespace Uet.Core.Ledger;

/// <summary>
/// Turns a completed run into fix-task changes. Called once per run, on the recorder's writer thread, inside the
/// store's transaction that also writes the run's last events: the tasks, their events and the run land together,
/// and two runs that end at once update the tasks one after the other.
/// </summary>
public interface IFixTaskLedger
{
    LedgerChanges Update(CompletedRun run, LedgerState state);
}

namespace Uet.Core.Ledger;

/// <summary>
/// A fix task as a store keeps it: the ledger's own JSON of the task (its shape is the ledger's), with the fields
/// a store indexes beside it.
/// </summary>
/// <param name="Id">The task id (<c>FT-…</c>).</param>
/// <param name="Signature">The root cause it stands for.</param>
/// <param name="Status">"open" or "resolved".</param>
/// <param name="Json">The whole task, as the ledger wrote it.</param>
public sealed record StoredFixTask(string Id, string Signature, string Status, string Json);

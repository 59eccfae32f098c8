using LiteDB;

namespace Uet.Core.Ledger;

/// <summary>The fix tasks the store holds, and the work they blocked, as documents (the ledger owns their shape).</summary>
public sealed record LedgerState(IReadOnlyList<BsonDocument> Tasks, BsonDocument? BlockedWork);

/// <summary>
/// What a ledger changed: the task documents to save (whole), the blocked-work document to save (null: unchanged),
/// and one event per change, which become events of the run.
/// </summary>
public sealed record LedgerChanges(
    IReadOnlyList<BsonDocument> Tasks,
    BsonDocument? BlockedWork,
    IReadOnlyList<Events.RunEvent> Events
)
{
    public static LedgerChanges None { get; } = new([], null, []);
}

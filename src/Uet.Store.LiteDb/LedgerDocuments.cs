using LiteDB;
using Uet.Core.Ledger;

namespace Uet.Store.LiteDb;

/// <summary>How fix tasks and the blocked work are laid out as BSON documents in the store.</summary>
internal static class LedgerDocuments
{
    /// <summary>The blocked-work collection holds one document: the blocked tasks of the workstream last given.</summary>
    public const string BlockedWorkId = "current";

    /// <summary>The task's JSON in one field, with the id, signature and status beside it for the indexes.</summary>
    public static BsonDocument FromTask(StoredFixTask task) =>
        new()
        {
            ["_id"] = task.Id,
            ["signature"] = task.Signature,
            ["state"] = task.Status,
            ["json"] = task.Json,
        };

    public static StoredFixTask ToTask(BsonDocument document) =>
        new(
            document["_id"].AsString,
            document["signature"].AsString,
            document["state"].AsString,
            document["json"].IsString
                ? document["json"].AsString
                : throw new InvalidDataException($"fix task {document["_id"]} has no data")
        );

    public static BsonDocument FromBlockedWork(BlockedWorkState work)
    {
        var blocked = new BsonDocument();
        foreach (var (task, blockers) in work.Blocked)
        {
            blocked[task] = new BsonArray(blockers.Select(b => new BsonValue(b)));
        }
        return new BsonDocument
        {
            ["_id"] = BlockedWorkId,
            ["workstream_id"] = work.WorkstreamId,
            ["blocked"] = blocked,
        };
    }

    public static BlockedWorkState? ToBlockedWork(BsonDocument? document) =>
        document is null || !document["blocked"].IsDocument
            ? null
            : new BlockedWorkState(
                document["workstream_id"].AsString,
                document["blocked"]
                    .AsDocument.ToDictionary(
                        p => p.Key,
                        p => (IReadOnlyList<string>)[.. p.Value.AsArray.Select(v => v.AsString)],
                        StringComparer.Ordinal
                    )
            );
}

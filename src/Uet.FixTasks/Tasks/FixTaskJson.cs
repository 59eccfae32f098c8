using System.Text.Json;
using System.Text.Json.Serialization;
using BsonDocument = LiteDB.BsonDocument;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// Fix tasks as JSON (snake_case, the public shape) and as store documents: the JSON in one field, with the id,
/// signature and status beside it for the store's index.
/// </summary>
public static class FixTaskJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static BsonDocument ToDocument(FixTask task) => new()
    {
        ["_id"] = task.Id,
        ["signature"] = task.Signature,
        ["state"] = task.Status,
        ["json"] = JsonSerializer.Serialize(task, Options),
    };

    public static FixTask FromDocument(BsonDocument document) =>
        JsonSerializer.Deserialize<FixTask>(document["json"].AsString, Options)
        ?? throw new InvalidDataException($"fix task {document["_id"]} has no data");
}

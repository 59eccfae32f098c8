using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BsonDocument = LiteDB.BsonDocument;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// Fix tasks as JSON (snake_case, the public shape) and as store documents: the JSON in one field, with the id,
/// signature and status beside it for the store's index. The serializer is generated at build time, so the
/// logger's process spends no time building it by reflection.
/// </summary>
public static class FixTaskJson
{
    public static string Serialize(FixTask task) => JsonSerializer.Serialize(task, FixTaskJsonContext.Default.FixTask);

    public static JsonNode? ToNode(FixTask task) =>
        JsonSerializer.SerializeToNode(task, FixTaskJsonContext.Default.FixTask);

    public static void Write(Utf8JsonWriter writer, FixTask task) =>
        JsonSerializer.Serialize(writer, task, FixTaskJsonContext.Default.FixTask);

    public static BsonDocument ToDocument(FixTask task) =>
        new()
        {
            ["_id"] = task.Id,
            ["signature"] = task.Signature,
            ["state"] = task.Status,
            ["json"] = Serialize(task),
        };

    public static FixTask FromDocument(BsonDocument document) =>
        JsonSerializer.Deserialize(document["json"].AsString, FixTaskJsonContext.Default.FixTask)
        ?? throw new InvalidDataException($"fix task {document["_id"]} has no data");
}

// Compact: this is the stored form; what prints JSON for people indents it (the report's writer, the CLI).
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(FixTask))]
internal sealed partial class FixTaskJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Uet.Core.Ledger;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// Fix tasks as JSON (snake_case, the public shape), which is also how a store keeps them (with the id,
/// signature and status beside it for the store's indexes). The serializer is generated at build time, so the
/// logger's process spends no time building it by reflection.
/// </summary>
public static class FixTaskJson
{
    public static string Serialize(FixTask task) => JsonSerializer.Serialize(task, FixTaskJsonContext.Default.FixTask);

    public static JsonNode? ToNode(FixTask task) =>
        JsonSerializer.SerializeToNode(task, FixTaskJsonContext.Default.FixTask);

    public static void Write(Utf8JsonWriter writer, FixTask task) =>
        JsonSerializer.Serialize(writer, task, FixTaskJsonContext.Default.FixTask);

    public static StoredFixTask ToStored(FixTask task) =>
        new(task.Id, task.Signature, task.Status.Name(), Serialize(task));

    public static FixTask FromStored(StoredFixTask stored) =>
        JsonSerializer.Deserialize(stored.Json, FixTaskJsonContext.Default.FixTask)
        ?? throw new InvalidDataException($"fix task {stored.Id} has no data");
}

// Compact: this is the stored form; what prints JSON for people indents it (the report's writer, the CLI).
[JsonSourceGenerationOptions(
    Converters = [typeof(UtcTimestampConverter)],
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(FixTask))]
internal sealed partial class FixTaskJsonContext : JsonSerializerContext;

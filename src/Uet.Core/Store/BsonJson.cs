using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;

namespace Uet.Core.Store;

/// <summary>Converts event payloads between LiteDB's BSON values and System.Text.Json nodes, both ways (for JSON output).</summary>
public static class BsonJson
{
    public static BsonValue ToBson(JsonNode? node) =>
        node switch
        {
            null => BsonValue.Null,
            JsonObject obj => ToBson(obj),
            JsonArray array => new BsonArray(array.Select(ToBson)),
            JsonValue value => ToBson(value),
            _ => throw new ArgumentException($"unexpected JSON node {node.GetType().Name}", nameof(node)),
        };

    public static BsonDocument ToBson(JsonObject obj)
    {
        var document = new BsonDocument();
        foreach (var (name, value) in obj)
        {
            document[name] = ToBson(value);
        }
        return document;
    }

    private static BsonValue ToBson(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new BsonValue(value.GetValue<string>());
            case JsonValueKind.True:
                return new BsonValue(true);
            case JsonValueKind.False:
                return new BsonValue(false);
            case JsonValueKind.Number:
                if (value.TryGetValue<int>(out var small))
                {
                    return new BsonValue(small);
                }
                if (value.TryGetValue<long>(out var large))
                {
                    return new BsonValue(large);
                }
                return new BsonValue(value.GetValue<double>());
            default:
                return BsonValue.Null;
        }
    }

    public static JsonNode? ToJson(BsonValue value) =>
        value.Type switch
        {
            BsonType.Null or BsonType.MinValue or BsonType.MaxValue => null,
            BsonType.Document => ToJson(value.AsDocument),
            BsonType.Array => new JsonArray([.. value.AsArray.Select(ToJson)]),
            BsonType.String => JsonValue.Create(value.AsString),
            BsonType.Boolean => JsonValue.Create(value.AsBoolean),
            BsonType.Int32 => JsonValue.Create(value.AsInt32),
            BsonType.Int64 => JsonValue.Create(value.AsInt64),
            BsonType.Double => JsonValue.Create(value.AsDouble),
            BsonType.Decimal => JsonValue.Create(value.AsDecimal),
            _ => JsonValue.Create(value.ToString()),
        };

    public static JsonObject ToJson(BsonDocument document)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in document)
        {
            obj[name] = ToJson(value);
        }
        return obj;
    }
}

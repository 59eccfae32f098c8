using System.Text.Json.Nodes;
using LiteDB;

namespace Uet.Store.LiteDb;

/// <summary>
/// JSON payloads as the store's BSON documents and back, in one pass each way: texts of
/// <see cref="PackedText.MinLength"/> characters or more become packed binary values on the way in, and texts
/// again on the way out.
/// </summary>
internal static class PayloadBson
{
    public static BsonDocument ToBson(JsonObject json)
    {
        var document = new BsonDocument();
        foreach (var (name, value) in json)
        {
            document[name] = ToBson(value);
        }
        return document;
    }

    public static JsonObject ToJson(BsonDocument document)
    {
        var json = new JsonObject();
        foreach (var (name, value) in document)
        {
            json[name] = ToJson(value);
        }
        return json;
    }

    private static BsonValue ToBson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return BsonValue.Null;
            case JsonObject json:
                return ToBson(json);
            case JsonArray array:
                var values = new BsonArray();
                foreach (var item in array)
                {
                    values.Add(ToBson(item));
                }
                return values;
            default:
                return ToBson(node.AsValue());
        }
    }

    // The payloads are built in memory (a C# value under each node) or parsed (a JSON element): TryGetValue reads
    // both, most common type first.
    private static BsonValue ToBson(JsonValue value)
    {
        if (value.TryGetValue<string>(out var text))
        {
            return text.Length >= PackedText.MinLength ? new BsonValue(PackedText.Compress(text)) : new BsonValue(text);
        }
        if (value.TryGetValue<int>(out var small))
        {
            return new BsonValue(small);
        }
        if (value.TryGetValue<long>(out var large))
        {
            return new BsonValue(large);
        }
        if (value.TryGetValue<double>(out var number))
        {
            return new BsonValue(number);
        }
        if (value.TryGetValue<bool>(out var flag))
        {
            return new BsonValue(flag);
        }
        return BsonValue.Null;
    }

    private static JsonNode? ToJson(BsonValue value) =>
        value.Type switch
        {
            BsonType.Null or BsonType.MinValue or BsonType.MaxValue => null,
            BsonType.Document => ToJson(value.AsDocument),
            BsonType.Array => new JsonArray([.. value.AsArray.Select(ToJson)]),
            BsonType.Binary => JsonValue.Create(PackedText.Decompress(value.AsBinary)),
            BsonType.String => JsonValue.Create(value.AsString),
            BsonType.Boolean => JsonValue.Create(value.AsBoolean),
            BsonType.Int32 => JsonValue.Create(value.AsInt32),
            BsonType.Int64 => JsonValue.Create(value.AsInt64),
            BsonType.Double => JsonValue.Create(value.AsDouble),
            BsonType.Decimal => JsonValue.Create(value.AsDecimal),
            _ => JsonValue.Create(value.ToString()),
        };
}

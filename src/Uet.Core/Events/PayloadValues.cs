using LiteDB;

namespace Uet.Core.Events;

/// <summary>Reads a payload field that may be missing or of another type, as replay and the timeline do.</summary>
public static class PayloadValues
{
    public static string? Text(BsonDocument payload, string name) =>
        payload[name].IsString ? payload[name].AsString : null;

    public static bool Flag(BsonDocument payload, string name) => payload[name].IsBoolean && payload[name].AsBoolean;
}

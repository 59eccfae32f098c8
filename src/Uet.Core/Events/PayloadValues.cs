using System.Text.Json.Nodes;

namespace Uet.Core.Events;

/// <summary>Reads a payload field that may be missing or of another type, as replay and the timeline do.</summary>
public static class PayloadValues
{
    public static string? Text(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool Flag(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>A number, whether it was made as an int, a long or a double, or parsed from JSON text.</summary>
    public static double? Number(JsonObject? payload, string name) =>
        payload?[name] is not JsonValue value ? null
        : value.TryGetValue<int>(out var small) ? small
        : value.TryGetValue<long>(out var large) ? large
        : value.TryGetValue<double>(out var number) ? number
        : null;

    public static JsonObject? Object(JsonObject? payload, string name) => payload?[name] as JsonObject;

    public static JsonArray Array(JsonObject? payload, string name) => payload?[name] as JsonArray ?? [];
}

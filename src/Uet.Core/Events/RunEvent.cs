using System.Text.Json.Nodes;

namespace Uet.Core.Events;

/// <summary>
/// One entry of a run's append-only log, shaped as a <c>run_event</c> v1 document: a ULID id that sorts in the
/// order the run wrote its events, the run it belongs to, an RFC 3339 UTC time, a kind and a payload. The payload
/// is plain JSON (the schema's shape): every store keeps it in its own form, and converts at its edge.
/// </summary>
public sealed record RunEvent(string EventId, string RunId, DateTimeOffset Ts, string Kind, JsonObject Payload)
{
    /// <summary>The event as its <c>run_event</c> JSON document (with a copy of the payload).</summary>
    public JsonObject ToJson() =>
        new()
        {
            ["event_id"] = EventId,
            ["run_id"] = RunId,
            ["ts"] = Timestamps.Format(Ts),
            ["kind"] = Kind,
            ["payload"] = Payload.DeepClone(),
        };

    /// <summary>Reads a <c>run_event</c> JSON document (as written by <see cref="ToJson"/>).</summary>
    public static RunEvent FromJson(JsonObject json) =>
        new(
            RequiredString(json, "event_id"),
            RequiredString(json, "run_id"),
            Timestamps.Parse(RequiredString(json, "ts")),
            RequiredString(json, "kind"),
            json["payload"] is JsonObject payload ? payload.DeepClone().AsObject() : []
        );

    private static string RequiredString(JsonObject json, string name) =>
        json[name]?.GetValue<string>() ?? throw new FormatException($"run_event without '{name}'");
}

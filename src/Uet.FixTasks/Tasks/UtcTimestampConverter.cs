using System.Text.Json;
using System.Text.Json.Serialization;
using Uet.Core.Events;

namespace Uet.FixTasks.Tasks;

/// <summary>A task's times in JSON as every Uet document writes them: RFC 3339, UTC, milliseconds, "Z".</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Timestamps.Parse(reader.GetString() ?? throw new JsonException("a time is null"));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Timestamps.Format(value));
}

using System.Text.Json;
using Json.Schema;

namespace Uet.Validation.Schemas;

/// <summary>
/// The "ulid" format our schemas put beside the ULID pattern: the pattern checks the alphabet, this checks
/// that the value decodes, i.e. that its 48-bit time part does not overflow (first character 0-7).
/// </summary>
internal static class UlidFormat
{
    public const string Name = "ulid";

    public static Format Create() => new PredicateFormat(Name, Decodes);

    public static bool Decodes(JsonElement value) =>
        value.ValueKind != JsonValueKind.String
        || value.GetString() is not { Length: 26 } text
        || text[0] is >= '0' and <= '7';
}

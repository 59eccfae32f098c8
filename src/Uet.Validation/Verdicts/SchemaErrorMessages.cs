using System.Globalization;
using System.Text.Json;
using Uet.Validation.Diagnostics;
using Uet.Validation.Documents;
using Uet.Validation.Schemas;

namespace Uet.Validation.Verdicts;

/// <summary>
/// Turns a failed keyword into a problem a person can act on: it names the key and its pointer, what the
/// schema expects (an enum lists the allowed values) and what the document has.
/// </summary>
internal sealed class SchemaErrorMessages(SchemaSet schemas, SchemaSource? schema, JsonElement document)
{
    private const string UlidPattern = "^[0-9A-HJKMNP-TV-Z]{26}$";

    public IEnumerable<DocumentProblem> Describe(SchemaError error)
    {
        var subschema = SchemaLocator.Find(schemas, schema, error.EvaluationPath);
        var value = SchemaSet.Resolve(document, error.Pointer);
        var subject = Subject(error.Pointer);
        var found = ValueText.Found(value);

        if (error.LibraryMessage.StartsWith(BoundedPatterns.TimeoutMarker, StringComparison.Ordinal))
        {
            yield return new DocumentProblem(
                error.Pointer,
                Codes.PatternTooSlow,
                $"{subject}: the schema's pattern {error.LibraryMessage[BoundedPatterns.TimeoutMarker.Length..]} took longer than {BoundedPatterns.MatchTimeout.TotalMilliseconds:0} ms on this value and was stopped (catastrophic backtracking)"
            );
            yield break;
        }

        switch (error.Keyword)
        {
            case "required":
                foreach (var key in MissingKeys(subschema, value, error.LibraryMessage))
                {
                    yield return new DocumentProblem(
                        error.Pointer,
                        Codes.RequiredKeyMissing,
                        $"missing required key '{key}' in {(error.Pointer.Length == 0 ? "the document root" : $"the object at {error.Pointer}")}"
                    );
                }
                yield break;
            case "additionalProperties":
                var parent = SchemaLocator.Find(schemas, schema, JsonPointers.Parent(error.EvaluationPath));
                var allowed =
                    parent is { ValueKind: JsonValueKind.Object } p
                    && p.TryGetProperty("properties", out var properties)
                    && properties.ValueKind == JsonValueKind.Object
                        ? "; allowed keys: "
                            + ValueText.List(
                                properties.EnumerateObject().Select(x => x.Name),
                                most: 40,
                                conjunction: "and"
                            )
                        : "";
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.UnexpectedKey,
                    $"unexpected key '{JsonPointers.LastSegment(error.Pointer)}' at {error.Pointer}{allowed}",
                    AtKey: true
                );
                yield break;
            case "type":
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.WrongType,
                    $"{subject}: expected {ExpectedTypes(subschema)}, found {found}"
                );
                yield break;
            case "enum":
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.ValueNotAllowed,
                    $"{subject}: expected one of {ValueText.List(Keyword(subschema, "enum")?.EnumerateArray().Select(ValueText.Literal) ?? [])}; found {found}"
                );
                yield break;
            case "const":
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.ValueNotAllowed,
                    $"{subject}: expected {(Keyword(subschema, "const") is { } c ? ValueText.Literal(c) : "a fixed value")}; found {found}"
                );
                yield break;
            case "pattern":
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.WrongFormat,
                    $"{subject}: expected {PatternMeaning(Keyword(subschema, "pattern"))}; found {found}"
                );
                yield break;
            case "format":
                var format = Keyword(subschema, "format")?.GetString() ?? "";
                yield return format == UlidFormat.Name
                    ? new DocumentProblem(
                        error.Pointer,
                        Codes.InvalidUlid,
                        $"{subject}: {found} is not a ULID that decodes: its time part exceeds 48 bits (the first character must be 0-7)"
                    )
                    : new DocumentProblem(
                        error.Pointer,
                        Codes.WrongFormat,
                        $"{subject}: expected {FormatMeaning(format)}; found {found}"
                    );
                yield break;
            case "minLength"
            or "maxLength"
            or "minimum"
            or "maximum"
            or "exclusiveMinimum"
            or "exclusiveMaximum"
            or "minItems"
            or "maxItems"
            or "minProperties"
            or "maxProperties"
            or "multipleOf"
            or "uniqueItems":
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.OutOfRange,
                    $"{subject}: {Bound(error.Keyword, Keyword(subschema, error.Keyword), value)}"
                );
                yield break;
            case "anyOf" or "oneOf" when error.Alternatives is { } alternatives:
                var options = alternatives.Select((branch, i) => $"({i + 1}) {BranchSummary(branch)}");
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.SchemaRuleFailed,
                    $"{subject}: matches none of the {alternatives.Count} allowed forms: {string.Join("; ", options)}"
                );
                yield break;
            default:
                yield return new DocumentProblem(
                    error.Pointer,
                    Codes.SchemaRuleFailed,
                    $"{subject}: {error.Keyword}: {error.LibraryMessage}"
                );
                yield break;
        }
    }

    private string BranchSummary(IReadOnlyList<SchemaError> branch)
    {
        var first = branch.SelectMany(Describe).FirstOrDefault();
        return first?.Message ?? "does not match";
    }

    private static string Subject(string pointer) =>
        pointer.Length == 0 ? "the document root" : $"'{JsonPointers.LastSegment(pointer)}' at {pointer}";

    /// <summary>The required keys the object lacks; without the schema (the meta-schema), from the library's message.</summary>
    private static IEnumerable<string> MissingKeys(JsonElement? schema, JsonElement? value, string libraryMessage)
    {
        if (value is not { ValueKind: JsonValueKind.Object } obj)
        {
            return [];
        }

        if (Keyword(schema, "required") is { ValueKind: JsonValueKind.Array } required)
        {
            return required
                .EnumerateArray()
                .Select(k => k.GetString())
                .OfType<string>()
                .Where(k => !obj.TryGetProperty(k, out _))
                .ToList();
        }

        var listed =
            libraryMessage.IndexOf('[', StringComparison.Ordinal) is var start and >= 0
            && libraryMessage.IndexOf(']', start) is var end and > 0
                ? JsonSerializer.Deserialize<string[]>(libraryMessage[start..(end + 1)]) ?? []
                : [];
        return listed;
    }

    private static string ExpectedTypes(JsonElement? schema) =>
        Keyword(schema, "type") switch
        {
            { ValueKind: JsonValueKind.String } t => Article(t.GetString()!),
            { ValueKind: JsonValueKind.Array } list => ValueText.List(
                list.EnumerateArray().Select(t => Article(t.GetString() ?? "?"))
            ),
            _ => "another type",
        };

    private static string Article(string type) =>
        type switch
        {
            "null" => "null",
            "array" or "object" or "integer" => "an " + type,
            _ => "a " + type,
        };

    private static string PatternMeaning(JsonElement? pattern) =>
        pattern?.GetString() switch
        {
            UlidPattern => "a ULID (26 characters of Crockford base32: digits and capital letters except I, L, O, U)",
            @"^[0-9]+\.[0-9]+\.[0-9]+$" => "a version x.y.z such as 1.0.0",
            { } text => $"a string matching the pattern {text}",
            null => "a string matching the schema's pattern",
        };

    private static string FormatMeaning(string format) =>
        format switch
        {
            "date-time" => "an RFC 3339 date-time such as 2024-05-01T12:00:00Z",
            "date" => "an RFC 3339 date such as 2024-05-01",
            "time" => "an RFC 3339 time such as 12:00:00Z",
            _ => $"a string in the '{format}' format",
        };

    private static string Bound(string keyword, JsonElement? limit, JsonElement? value)
    {
        var n = limit?.ValueKind == JsonValueKind.Number ? limit.Value.GetRawText() : "?";
        return keyword switch
        {
            "minLength" => $"expected at least {Count(n, "character")}; found {Length(value)}",
            "maxLength" => $"expected at most {Count(n, "character")}; found {Length(value)}",
            "minimum" => $"expected a number of at least {n}; found {ValueText.Found(value)}",
            "maximum" => $"expected a number of at most {n}; found {ValueText.Found(value)}",
            "exclusiveMinimum" => $"expected a number greater than {n}; found {ValueText.Found(value)}",
            "exclusiveMaximum" => $"expected a number less than {n}; found {ValueText.Found(value)}",
            "minItems" => $"expected at least {Count(n, "item")}; found {ValueText.Found(value)}",
            "maxItems" => $"expected at most {Count(n, "item")}; found {ValueText.Found(value)}",
            "minProperties" => $"expected at least {Count(n, "key")}; found {KeyCount(value)}",
            "maxProperties" => $"expected at most {Count(n, "key")}; found {KeyCount(value)}",
            "multipleOf" => $"expected a multiple of {n}; found {ValueText.Found(value)}",
            _ => "expected every item to be different; found duplicates",
        };
    }

    private static string Length(JsonElement? value) =>
        value?.ValueKind == JsonValueKind.String
            ? new System.Globalization.StringInfo(value.Value.GetString()!).LengthInTextElements.ToString(
                CultureInfo.InvariantCulture
            )
            : ValueText.Found(value);

    private static string Count(string number, string noun) => number == "1" ? $"1 {noun}" : $"{number} {noun}s";

    private static string KeyCount(JsonElement? value) =>
        value?.ValueKind == JsonValueKind.Object
            ? value.Value.EnumerateObject().Count().ToString(CultureInfo.InvariantCulture)
            : ValueText.Found(value);

    private static JsonElement? Keyword(JsonElement? schema, string keyword) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(keyword, out var v) ? v : null;
}

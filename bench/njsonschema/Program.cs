using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.References;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;
using Uet.Bench;

// NJsonSchema as a user would call it: each schema file parsed once, then Validate(json text) per document.
// The "ulid" format is registered with the same rule as Uet's (first character 0-7), so verdicts can agree.
return BenchRunner.Run("njsonschema", args, schemaDirectory =>
{
    var settings = new JsonSchemaValidatorSettings();
    settings.AddCustomFormatValidator(new UlidFormatValidator());
    var schemas = Directory
        .GetFiles(schemaDirectory, "*.v1.json")
        .ToDictionary(
            file => Path.GetFileName(file)[..^".v1.json".Length],
            file =>
                JsonSchema
                    .FromFileAsync(file, schema => new LocalOnlyResolver(schema, schemaDirectory))
                    .GetAwaiter()
                    .GetResult()
        );
    return doc => schemas[doc.Schema].Validate(File.ReadAllText(doc.Path), settings).Count == 0;
});

/// <summary>Resolves the schemas' $id URLs (https://uet.invalid/schemas/v1/NAME) to schema/uet; never fetches.</summary>
internal sealed class LocalOnlyResolver(JsonSchema root, string schemaDirectory)
    : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
{
    private const string IdPrefix = "https://uet.invalid/schemas/v1/";

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken) =>
        url.StartsWith(IdPrefix, StringComparison.Ordinal)
            ? ResolveFileReferenceAsync(Path.Combine(schemaDirectory, url[IdPrefix.Length..]), cancellationToken)
            : throw new InvalidOperationException($"refusing to fetch {url}: the benchmark runs offline");
}

internal sealed class UlidFormatValidator : IFormatValidator
{
    public string Format => "ulid";

    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.Unknown;

    public bool IsValid(string value, JTokenType tokenType) => value.Length != 26 || value[0] is >= '0' and <= '7';
}

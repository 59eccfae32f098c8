using System.Text.Json;
using Uet.Validation.Diagnostics;
using Uet.Validation.Schemas;

namespace Uet.Validation.Verdicts;

/// <summary>
/// Decides which schema a document follows, in this order: the item's <c>Schema</c> metadata; the document's
/// own <c>$schema</c>, then <c>schema_ref</c>; the file-name convention <c>NAME.KIND.json|yaml|yml</c>.
/// </summary>
public sealed class SchemaSelector(SchemaSet schemas)
{
    public SchemaChoice Select(string documentPath, string? schemaMetadata, string? projectDirectory, JsonElement root)
    {
        if (!string.IsNullOrWhiteSpace(schemaMetadata))
        {
            return Resolve(
                schemaMetadata,
                projectDirectory ?? Path.GetDirectoryName(documentPath)!,
                "the item's Schema metadata",
                ""
            );
        }

        foreach (var key in (string[])["$schema", "schema_ref"])
        {
            if (
                root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty(key, out var named)
                && named.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(named.GetString())
            )
            {
                return Resolve(
                    named.GetString()!,
                    Path.GetDirectoryName(Path.GetFullPath(documentPath))!,
                    $"the document's {key}",
                    "/" + key
                );
            }
        }

        foreach (var kind in ConventionKinds(documentPath))
        {
            if (ShippedSchemas.FromKind(kind) is { } shipped)
            {
                return new SchemaChoice(schemas.Find(ShippedSchemas.UriOf(shipped)), $"the file name (*.{kind})");
            }
        }
        return new SchemaChoice(
            null,
            "",
            new DocumentProblem(
                "",
                Codes.SchemaUnknown,
                "cannot tell which schema this document follows: set the Schema metadata on its UetDocument item, add \"$schema\" to it, or name it NAME.KIND.json (KIND such as workstream, phase, task, router, or a schema name)"
            )
        );
    }

    private SchemaChoice Resolve(string reference, string baseDirectory, string how, string pointer)
    {
        var text = reference.Trim();
        var file = ExistingFile(text, baseDirectory);
        if (
            file is not null
            && schemas.Sources.FirstOrDefault(s =>
                s.FilePath is not null && string.Equals(Path.GetFullPath(s.FilePath), file, StringComparison.Ordinal)
            )
                is { } loaded
        )
        {
            return new SchemaChoice(loaded, how);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemas.Find(uri) is { } byId)
        {
            return new SchemaChoice(byId, how);
        }
        // A copy of a published UET schema in the repository, or its URL, means the shipped schema of that name.
        var fileName = text.Split('?', '#')[0].Split('/', '\\')[^1];
        if ((ShippedSchemas.Normalize(text) ?? ShippedSchemas.Normalize(fileName)) is { } shipped)
        {
            return new SchemaChoice(schemas.Find(ShippedSchemas.UriOf(shipped)), how);
        }

        return file is not null
            ? new SchemaChoice(
                null,
                how,
                new DocumentProblem(
                    pointer,
                    Codes.SchemaNotFound,
                    $"{how} names the schema file {file}, which is not a UetSchema item; add <UetSchema Include=\"{file}\" />"
                )
            )
            : new SchemaChoice(
                null,
                how,
                new DocumentProblem(
                    pointer,
                    Codes.SchemaNotFound,
                    $"{how} names '{reference}', which is neither a shipped schema ({string.Join(", ", ShippedSchemas.Names)}) nor an existing schema file"
                )
            );
    }

    /// <summary>The full path of the file <paramref name="text"/> names relative to <paramref name="baseDirectory"/>, when it exists; null for a URL or a path that cannot be.</summary>
    public static string? ExistingFile(string text, string baseDirectory)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, text));
            return File.Exists(path) ? path : null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>For <c>build.workstream.json</c>: "workstream"; for <c>x.workstream_spec.v1.yaml</c>: "v1", then "workstream_spec.v1".</summary>
    private static IEnumerable<string> ConventionKinds(string documentPath)
    {
        var parts = Path.GetFileNameWithoutExtension(documentPath).Split('.');
        if (parts.Length < 2)
        {
            yield break;
        }

        yield return parts[^1];
        if (parts.Length >= 3)
        {
            yield return parts[^2] + "." + parts[^1];
        }
    }
}

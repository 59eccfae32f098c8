using Uet.Validation.Diagnostics;
using Uet.Validation.Documents;

namespace Uet.Validation.Schemas;

/// <summary>
/// Loads the shipped schemas and the user's schema files into one <see cref="SchemaSet"/> and checks the set:
/// every schema against the draft-07 meta-schema, every <c>$ref</c> resolves inside the set (a file it names in
/// the schema folders is loaded too), no remote or out-of-folder reference, no two schemas with one <c>$id</c>.
/// </summary>
public static class SchemaSetLoader
{
    public static SchemaSet Load(IEnumerable<string> userSchemaFiles)
    {
        var set = new SchemaSet();
        foreach (var name in ShippedSchemas.Names)
        {
            var bytes = ShippedSchemas.Read(name);
            set.Add(
                ShippedSchemas.UriOf(name),
                $"uet/{name}.v1.json",
                null,
                bytes,
                DocumentParser.Parse($"{name}.v1.json", bytes).Document
            );
        }

        var files = userSchemaFiles.Select(Path.GetFullPath).Distinct(PathComparer).ToList();
        var folders = files.Select(Path.GetDirectoryName).OfType<string>().Distinct(PathComparer).ToList();
        var loaded = new HashSet<string>(PathComparer);
        var pending = new Queue<string>(files);
        while (pending.Count > 0)
        {
            var file = pending.Dequeue();
            if (!loaded.Add(file))
            {
                continue;
            }

            var source = AddFile(set, file);
            // A relative $ref to a sibling file is a promise that the file is part of the set: load it too.
            foreach (var reference in set.ReferencesOf(source))
            {
                if (
                    SchemaFileUris.PathOf(reference.Document) is { } target
                    && !set.Knows(reference.Document)
                    && File.Exists(target)
                    && IsInside(target, folders)
                )
                {
                    pending.Enqueue(Path.GetFullPath(target));
                }
            }
        }

        SchemaChecks.Run(set, folders);
        return set;
    }

    /// <summary>A set of in-memory schemas (no files, no checks): what the conformance runner and tests use.</summary>
    public static SchemaSet FromDocuments(IEnumerable<(Uri BaseUri, byte[] Bytes)> schemas)
    {
        var set = new SchemaSet();
        foreach (var (baseUri, bytes) in schemas)
        {
            set.Add(baseUri, baseUri.AbsoluteUri, null, bytes, DocumentParser.Parse("schema.json", bytes).Document);
        }
        return set;
    }

    private static SchemaSource AddFile(SchemaSet set, string file)
    {
        byte[] bytes;
        ParseOutcome outcome;
        try
        {
            bytes = File.ReadAllBytes(file);
            outcome = DocumentParser.Parse(file, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bytes = [];
            outcome = ParseOutcome.Fail(
                file,
                TextPosition.Start,
                Codes.MalformedSchema,
                $"cannot read the file: {e.Message}"
            );
        }
        var source = set.Add(SchemaFileUris.For(file), file, file, bytes, outcome.Document);
        if (outcome.Failure is { } failure)
        {
            set.Report(
                source,
                failure with
                {
                    Code = Codes.MalformedSchema.Id,
                    Message = "schema file: " + failure.Message,
                }
            );
        }
        return source;
    }

    internal static bool IsInside(string file, IEnumerable<string> folders) =>
        folders.Any(folder =>
            Path.GetFullPath(file)
                .StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, PathComparison)
        );

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static StringComparer PathComparer =>
        OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}

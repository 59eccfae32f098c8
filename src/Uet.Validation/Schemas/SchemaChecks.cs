using System.Text.Json;
using Json.Schema;
using Uet.Validation.Diagnostics;
using Uet.Validation.Verdicts;

namespace Uet.Validation.Schemas;

/// <summary>The checks a schema set must pass before documents are judged against it.</summary>
internal static class SchemaChecks
{
    public static void Run(SchemaSet set, IReadOnlyCollection<string> schemaFolders)
    {
        var seenIds = new Dictionary<Uri, SchemaSource>();
        foreach (var source in set.Sources.Where(s => s.Parsed is not null))
        {
            var problems = new List<DocumentProblem>();
            if (seenIds.TryGetValue(source.BaseUri, out var first))
            {
                problems.Add(
                    new DocumentProblem(
                        "/$id",
                        Codes.DuplicateId,
                        $"$id '{source.BaseUri}' is already declared by {first.DisplayPath}"
                    )
                );
            }
            else
            {
                seenIds[source.BaseUri] = source;
            }

            problems.AddRange(MetaSchemaProblems(set, source));
            problems.AddRange(
                set.ReferencesOf(source).Select(r => ReferenceProblem(set, r, schemaFolders)).OfType<DocumentProblem>()
            );
            if (problems.Count == 0 && !source.IsShipped && UsabilityProblem(set, source) is { } unusable)
            {
                problems.Add(unusable);
            }

            foreach (var finding in Findings.Locate(source.DisplayPath, source.Parsed!, problems, Severity.Error))
            {
                set.Report(source, finding);
            }
        }
    }

    /// <summary>The meta-schema is one process-wide object of JsonSchema.Net's: sets loaded on several threads take turns with it.</summary>
    private static readonly Lock MetaSchemaTurn = new();

    private static IEnumerable<DocumentProblem> MetaSchemaProblems(SchemaSet set, SchemaSource source)
    {
        EvaluationResults results;
        lock (MetaSchemaTurn)
        {
            if (MetaSchemas.Draft7.Evaluate(source.Parsed!.Root, set.VerdictOptions).IsValid)
            {
                return [];
            }

            results = MetaSchemas.Draft7.Evaluate(source.Parsed.Root, set.EvaluationOptions);
        }
        var messages = new SchemaErrorMessages(set, set.MetaSchema, source.Parsed.Root);
        return SchemaErrorCollector
            .Collect(results)
            .SelectMany(messages.Describe)
            .Select(p => p with { Code = Codes.SchemaInvalid, Message = "not a valid draft-07 schema: " + p.Message });
    }

    /// <summary>
    /// A schema can pass the meta-schema and resolve every reference and still be unusable, such as one whose
    /// <c>$ref</c> leads back to itself: JsonSchema.Net then throws on every evaluation. One trial evaluation finds it.
    /// </summary>
    private static DocumentProblem? UsabilityProblem(SchemaSet set, SchemaSource source)
    {
        try
        {
            set.Evaluate(source, NullInstance.RootElement, set.VerdictOptions);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new DocumentProblem("", Codes.SchemaInvalid, $"the schema cannot be evaluated: {e.Message}");
        }
    }

    private static readonly JsonDocument NullInstance = JsonDocument.Parse("null");

    private static DocumentProblem? ReferenceProblem(
        SchemaSet set,
        SchemaReference reference,
        IReadOnlyCollection<string> schemaFolders
    )
    {
        var at = reference.Pointer;
        if (reference.Target.Scheme == "urn" && reference.Target.AbsoluteUri == "urn:uet:invalid-reference")
        {
            return new DocumentProblem(
                at,
                Codes.RefUnresolved,
                $"$ref '{reference.Text}' is not a valid URI reference"
            );
        }

        if (set.Knows(reference.Document))
        {
            if (reference.Fragment.Length == 0)
            {
                return null;
            }

            if (reference.Fragment.StartsWith('/'))
            {
                return set.Subschema(reference.Target) is null
                    ? new DocumentProblem(
                        at,
                        Codes.RefUnresolved,
                        $"$ref '{reference.Text}' names {reference.Fragment}, which does not exist in {set.Find(reference.Document)!.DisplayPath}"
                    )
                    : null;
            }
            return set.HasAnchor(reference.Target)
                ? null
                : new DocumentProblem(
                    at,
                    Codes.RefUnresolved,
                    $"$ref '{reference.Text}' names the anchor '#{reference.Fragment}', which no $id declares"
                );
        }

        if (SchemaFileUris.PathOf(reference.Document) is { } file)
        {
            if (!SchemaSetLoader.IsInside(file, schemaFolders))
            {
                return new DocumentProblem(
                    at,
                    Codes.RefOutsideSchemaFolders,
                    $"$ref '{reference.Text}' names {file}, which is outside the schema folders ({string.Join(", ", schemaFolders)})"
                );
            }

            return new DocumentProblem(
                at,
                Codes.RefUnresolved,
                $"$ref '{reference.Text}' names {file}, which does not exist"
            );
        }
        if (reference.Document.AbsoluteUri.StartsWith(ShippedSchemas.BaseUri, StringComparison.Ordinal))
        {
            return new DocumentProblem(
                at,
                Codes.RefUnresolved,
                $"$ref '{reference.Text}' names no shipped schema (they are {string.Join(", ", ShippedSchemas.Names.Select(n => n + ".v1.json"))})"
            );
        }

        return reference.Document.Scheme is "http" or "https"
            ? new DocumentProblem(
                at,
                Codes.RemoteRef,
                $"$ref '{reference.Text}' names the remote schema {reference.Document}; the gate never fetches from the network"
            )
            : new DocumentProblem(
                at,
                Codes.RefUnresolved,
                $"$ref '{reference.Text}' names {reference.Document}, which is not in the schema set"
            );
    }
}

using Uet.Validation.Diagnostics;
using Uet.Validation.Documents;
using Uet.Validation.Schemas;

namespace Uet.Validation.Verdicts;

/// <summary>
/// Validates UET documents against a checked <see cref="SchemaSet"/>: parse, choose the schema, evaluate with
/// JsonSchema.Net, add the workstream rules, and give every problem its line and column.
/// </summary>
public sealed class DocumentValidator(SchemaSet schemas)
{
    private static readonly Uri WorkstreamSchema = ShippedSchemas.UriOf("workstream_spec");
    private readonly SchemaSelector _selector = new(schemas);

    /// <summary>Validates one document. Never throws for the document's sake: a failure of the validator itself is finding UET0002 on the file, and the next document is judged as usual.</summary>
    public DocumentReport Validate(string path, string? schemaMetadata = null, string? projectDirectory = null) =>
        Guarded(path, () =>
        {
            var outcome = DocumentParser.ParseFile(path);
            if (outcome.Failure is { } failure)
            {
                return new DocumentReport(path, [failure], null);
            }
            using var document = outcome.Document!;
            return Judge(path, document, schemaMetadata, projectDirectory);
        });

    /// <summary>
    /// Validates a document its caller has parsed already (and goes on reading): the same verdict and located
    /// findings as <see cref="Validate(string, string?, string?)"/>, which parses the file itself.
    /// </summary>
    public DocumentReport Validate(string path, ParsedDocument document, string? schemaMetadata) =>
        Guarded(path, () => Judge(path, document, schemaMetadata, projectDirectory: null));

    private static DocumentReport Guarded(string path, Func<DocumentReport> validate)
    {
        try
        {
            return validate();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new DocumentReport(
                path,
                [
                    new Finding(
                        path,
                        TextPosition.Start,
                        Codes.InternalError.Id,
                        Severity.Error,
                        $"the validator failed on this document: {e.GetType().Name}: {e.Message}"
                    ),
                ],
                null
            );
        }
    }

    private DocumentReport Judge(string path, ParsedDocument document, string? schemaMetadata, string? projectDirectory)
    {
        BoundedPatterns.ForgetTimeouts(); // A pattern stopped on one document is tried afresh on the next.
        var choice = _selector.Select(path, schemaMetadata, projectDirectory, document.Root);
        if (choice.Problem is { } problem)
        {
            return Report(path, document, [problem], null);
        }

        var schema = choice.Schema!;
        if (schemas.IsBroken(schema))
        {
            return Report(
                path,
                document,
                [
                    new DocumentProblem(
                        "",
                        Codes.SchemaUnusable,
                        $"cannot validate against {schema.DisplayPath} (chosen by {choice.How}): the schema has errors of its own"
                    ),
                ],
                schema
            );
        }

        var problems = new List<DocumentProblem>();
        if (!schemas.Evaluate(schema, document.Root, schemas.VerdictOptions).IsValid)
        {
            var results = schemas.Evaluate(schema, document.Root, schemas.EvaluationOptions);
            var messages = new SchemaErrorMessages(schemas, schema, document.Root);
            problems.AddRange(
                WithoutEchoes(SchemaErrorCollector.Collect(results).SelectMany(messages.Describe).ToList())
            );
            // A verdict is never lost to a message that could not be composed.
            if (problems.Count == 0)
            {
                problems.Add(
                    new DocumentProblem("", Codes.SchemaRuleFailed, $"the document does not match {schema.DisplayPath}")
                );
            }
        }
        if (schema.BaseUri == WorkstreamSchema)
        {
            problems.AddRange(WorkstreamRules.Check(document.Root));
        }

        return Report(path, document, problems, schema);
    }

    /// <summary>
    /// A value of the wrong type also fails its enum, pattern or bounds; those echoes add nothing, so where a
    /// value has a type error only the type error is kept.
    /// </summary>
    private static IEnumerable<DocumentProblem> WithoutEchoes(List<DocumentProblem> problems)
    {
        var wrongType = problems
            .Where(p => p.Code == Codes.WrongType)
            .Select(p => p.Pointer)
            .ToHashSet(StringComparer.Ordinal);
        return problems.Where(p =>
            p.Code == Codes.WrongType || !wrongType.Contains(p.Pointer) || p.Code == Codes.RequiredKeyMissing
        );
    }

    private static DocumentReport Report(
        string path,
        ParsedDocument document,
        List<DocumentProblem> problems,
        SchemaSource? schema
    ) =>
        new(
            path,
            Findings.Locate(path, document, problems.DistinctBy(p => (p.Pointer, p.Code, p.Message)).ToList()).ToList(),
            schema
        );
}

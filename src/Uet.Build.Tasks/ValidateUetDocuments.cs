using System.Diagnostics;
using Microsoft.Build.Framework;
using Uet.Validation.Diagnostics;
using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.Build.Tasks;

/// <summary>
/// Validates <c>UetDocument</c> items against their schemas. The targets hand over only documents whose stamp
/// is older than the document or than the schemas; of those, a document whose stamp still matches the
/// fingerprint of its schema (and every schema that one refers to) keeps its earlier clean verdict.
/// </summary>
public sealed class ValidateUetDocuments : UetTask
{
    private static readonly string ToolVersion =
        typeof(DocumentValidator).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>The documents; metadata <c>Schema</c> (optional) names the schema, <c>StampFile</c> where to record a clean verdict.</summary>
    [Required]
    public ITaskItem[] Documents { get; set; } = [];

    /// <summary>The <c>UetSchema</c> items: user schemas besides the shipped ones.</summary>
    public ITaskItem[] Schemas { get; set; } = [];

    /// <summary>Relative paths in <c>Schema</c> metadata are taken from here.</summary>
    public string? ProjectDirectory { get; set; }

    protected override void Run()
    {
        var watch = Stopwatch.StartNew();
        var declared = Schemas.Select(s => s.GetMetadata("FullPath")).ToList();
        var namedByMetadata = Documents
            .Select(d => SchemaFileOf(d.GetMetadata("Schema")))
            .OfType<string>()
            .Except(declared)
            .Distinct()
            .ToList();
        var set = SchemaSetCache.Get([.. declared, .. namedByMetadata]);
        // Problems of UetSchema items are ValidateUetSchemas' to report; those of schemas named only by metadata are ours.
        foreach (var file in set.Findings.Where(f => namedByMetadata.Contains(f.File)).GroupBy(f => f.File))
        {
            Report(file.ToList());
        }

        var validator = new DocumentValidator(set);
        int validated = 0,
            kept = 0,
            failed = 0;
        foreach (var document in Documents)
        {
            WarnAboutMisspeltSchemaMetadata(document);
            var path = document.GetMetadata("FullPath");
            var schemaMetadata = document.GetMetadata("Schema");
            var stamp = document.GetMetadata("StampFile");
            if (
                Stamps.ReadIfNewer(stamp, path) is { } earlier
                && Uri.TryCreate(earlier.Split('\n')[0], UriKind.Absolute, out var earlierSchema)
                && set.Find(earlierSchema) is { } schema
                && earlier == StampContent(set, schema, schemaMetadata)
            )
            {
                kept++;
                continue;
            }

            var report = validator.Validate(path, schemaMetadata, ProjectDirectory);
            validated++;
            if (report.Findings.Count > 0)
            {
                failed++;
            }

            Report(report.Findings);
            Log.LogMessage(
                MessageImportance.Low,
                $"Uet: {path}: {report.Findings.Count} problem(s) against {report.Schema?.DisplayPath ?? "no schema"}"
            );
            Stamps.Write(
                stamp,
                report.Findings.Count == 0 && report.Schema is not null,
                report.Schema is null ? "" : StampContent(set, report.Schema, schemaMetadata)
            );
        }
        Log.LogMessage(
            MessageImportance.Normal,
            $"Uet: validated {validated} document(s), {failed} with problems; {kept} unchanged since their last clean check ({watch.ElapsedMilliseconds} ms)"
        );
    }

    private void WarnAboutMisspeltSchemaMetadata(ITaskItem document)
    {
        foreach (var name in document.CloneCustomMetadata().Keys.OfType<string>())
        {
            if (!name.Equals("Schema", StringComparison.OrdinalIgnoreCase) && EditDistance.IsWithin(name, "Schema", 2))
            {
                ReportOnProject(
                    Codes.MisspeltMetadata,
                    $"UetDocument '{document.ItemSpec}' has metadata '{name}'; did you mean 'Schema'? It is ignored"
                );
            }
        }
    }

    private string? SchemaFileOf(string metadata) =>
        string.IsNullOrWhiteSpace(metadata) || ShippedSchemas.Normalize(metadata) is not null
            ? null
            : SchemaSelector.ExistingFile(metadata.Trim(), ProjectDirectory ?? Directory.GetCurrentDirectory());

    private static string StampContent(SchemaSet set, SchemaSource schema, string schemaMetadata) =>
        string.Join('\n', schema.BaseUri.AbsoluteUri, set.Fingerprint(schema), schemaMetadata, ToolVersion);
}

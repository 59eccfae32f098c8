using Microsoft.Build.Framework;

namespace Uet.Build.Tasks;

/// <summary>
/// Checks the schema set: the 17 shipped schemas and every <c>UetSchema</c> item conform to the draft-07
/// meta-schema, every <c>$ref</c> resolves inside the set without the network, and no two schemas share an <c>$id</c>.
/// </summary>
public sealed class ValidateUetSchemas : UetTask
{
    public ITaskItem[] Schemas { get; set; } = [];

    /// <summary>Written when the set is clean, so an unchanged set is not checked again.</summary>
    public string? StampFile { get; set; }

    protected override void Run()
    {
        var set = SchemaSetCache.Get(Schemas.Select(s => s.GetMetadata("FullPath")).ToList());
        foreach (var file in set.Findings.GroupBy(f => f.File))
        {
            Report(file.ToList());
        }

        Log.LogMessage(
            MessageImportance.Normal,
            $"Uet: checked {set.Sources.Count} schemas, {set.Findings.Count} problem(s)"
        );
        Stamps.Write(StampFile, set.Findings.Count == 0, "schemas");
    }
}

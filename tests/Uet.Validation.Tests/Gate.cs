using Uet.Validation.Diagnostics;
using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.Validation.Tests;

/// <summary>Validates documents written to a temp folder against the shipped schemas (loaded once: they never change).</summary>
internal static class Gate
{
    private static readonly Lazy<SchemaSet> Shipped = new(() => SchemaSetLoader.Load([]));

    public static SchemaSet ShippedSchemas => Shipped.Value;

    public static IReadOnlyList<Finding> Validate(string fileName, string content, string? schema = null)
    {
        using var folder = new TempFolder();
        return new DocumentValidator(Shipped.Value)
            .Validate(folder.Write(fileName, content), schema, folder.Path)
            .Findings;
    }

    public static string Codes(this IEnumerable<Finding> findings) => string.Join(",", findings.Select(f => f.Code));

    public static string Positions(this IEnumerable<Finding> findings) =>
        string.Join(" ", findings.Select(f => $"{f.Code}@{f.Position.Line}:{f.Position.Column}"));
}

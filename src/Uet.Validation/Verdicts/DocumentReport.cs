using Uet.Validation.Diagnostics;
using Uet.Validation.Schemas;

namespace Uet.Validation.Verdicts;

/// <summary>The verdict on one document: its findings (ordered by position) and the schema it was judged against.</summary>
public sealed record DocumentReport(string File, IReadOnlyList<Finding> Findings, SchemaSource? Schema)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

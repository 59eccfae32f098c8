namespace Uet.Validation.Diagnostics;

/// <summary>One diagnostic code: what it means, why it happens and how to fix it (docs/diagnostics.md's table mirrors this list).</summary>
public sealed record DiagnosticCode(string Id, Severity DefaultSeverity, string Title, string Fix)
{
    public override string ToString() => Id;
}

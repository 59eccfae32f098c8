namespace Uet.Validation.Diagnostics;

/// <summary>How a finding is reported; the MSBuild gate may lower errors to warnings (UetSchemaGate=warning).</summary>
public enum Severity
{
    Error,
    Warning,
}

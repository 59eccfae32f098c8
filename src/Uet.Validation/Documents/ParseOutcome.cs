using Uet.Validation.Diagnostics;

namespace Uet.Validation.Documents;

/// <summary>Either a parsed document or the one finding that says why the file could not be read.</summary>
public sealed record ParseOutcome(ParsedDocument? Document, Finding? Failure)
{
    public static ParseOutcome Fail(string file, TextPosition position, DiagnosticCode code, string message) =>
        new(null, new Finding(file, position, code.Id, code.DefaultSeverity, message));
}

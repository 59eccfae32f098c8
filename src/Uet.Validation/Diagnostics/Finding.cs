namespace Uet.Validation.Diagnostics;

/// <summary>
/// One problem in one file, in the shape MSBuild prints as <c>path(line,col): error UETnnnn: message</c>.
/// <paramref name="Pointer"/> is the JSON pointer of the offending value ("" for the root), when there is one.
/// </summary>
public sealed record Finding(
    string File,
    TextPosition Position,
    string Code,
    Severity Severity,
    string Message,
    string? Pointer = null
)
{
    public override string ToString() =>
        $"{File}{Position}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}

using Uet.Validation.Diagnostics;

namespace Uet.Validation.Verdicts;

/// <summary>A problem found at a JSON pointer, before its line and column are known.</summary>
/// <param name="Pointer">Where, as a JSON pointer (RFC 6901).</param>
/// <param name="Code">The diagnostic.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="AtKey">Point at the member's key rather than its value (an unexpected key is the key's fault).</param>
public sealed record DocumentProblem(string Pointer, DiagnosticCode Code, string Message, bool AtKey = false);

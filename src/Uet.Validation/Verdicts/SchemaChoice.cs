using Uet.Validation.Schemas;

namespace Uet.Validation.Verdicts;

/// <summary>The schema chosen for a document and how it was chosen, or the problem that prevented a choice.</summary>
public sealed record SchemaChoice(SchemaSource? Schema, string How, DocumentProblem? Problem = null);

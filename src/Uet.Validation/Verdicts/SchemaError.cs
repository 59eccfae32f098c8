namespace Uet.Validation.Verdicts;

/// <summary>
/// One failed keyword from JsonSchema.Net's output, before it is turned into a message: the instance it
/// failed on, the keyword, the evaluation path of the subschema that holds the keyword, the library's own text, and for
/// anyOf/oneOf the errors of each alternative.
/// </summary>
internal sealed record SchemaError(
    string Pointer,
    string Keyword,
    string EvaluationPath,
    string LibraryMessage,
    IReadOnlyList<IReadOnlyList<SchemaError>>? Alternatives = null
);

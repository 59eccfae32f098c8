using Uet.Validation.Diagnostics;

namespace Uet.Validation.Documents;

/// <summary>Where a value starts, and where its key starts when the value is an object member.</summary>
public readonly record struct ValueLocation(TextPosition Value, TextPosition? Key);

using System.Text.Json;
using Uet.Validation.Documents;
using Uet.Validation.Schemas;

namespace Uet.Validation.Verdicts;

/// <summary>
/// Finds the subschema an evaluation path leads to, by walking the schema JSON from the root and following
/// each <c>$ref</c> on the way. JsonSchema.Net 8.0.5 reports wrong schema locations below <c>items</c> and
/// <c>additionalProperties</c> (it appends the parent's property name), so the evaluation path, which it
/// reports correctly, is the reliable way back to the keyword's value.
/// </summary>
internal static class SchemaLocator
{
    public static JsonElement? Find(SchemaSet set, SchemaSource? root, string evaluationPath)
    {
        if (root?.Parsed is null)
        {
            return null;
        }

        var current = root.Parsed.Root;
        var baseUri = root.BaseUri;
        foreach (var segment in JsonPointers.Segments(evaluationPath))
        {
            if (
                current.ValueKind == JsonValueKind.Object
                && current.TryGetProperty("$id", out var id)
                && id.ValueKind == JsonValueKind.String
                && !id.GetString()!.StartsWith('#')
                && Uri.TryCreate(baseUri, id.GetString(), out var rebased)
            )
            {
                baseUri = rebased;
            }
            if (
                segment == "$ref"
                && current.ValueKind == JsonValueKind.Object
                && current.TryGetProperty("$ref", out var reference)
                && reference.ValueKind == JsonValueKind.String
                && Uri.TryCreate(baseUri, reference.GetString(), out var target)
            )
            {
                if (set.Subschema(target) is not { } resolved)
                {
                    return null;
                }

                current = resolved;
                baseUri = SchemaSet.WithoutFragment(target);
                continue;
            }
            if (SchemaSet.Resolve(current, JsonPointers.Append("", segment)) is not { } child)
            {
                return null;
            }

            current = child;
        }
        return current;
    }
}

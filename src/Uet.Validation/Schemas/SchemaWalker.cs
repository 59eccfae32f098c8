using System.Text.Json;
using Uet.Validation.Documents;

namespace Uet.Validation.Schemas;

/// <summary>
/// Walks a schema document and reports its <c>$id</c>s and <c>$ref</c>s with their pointers, tracking the
/// base URI that draft-07 <c>$id</c>s set for their subschemas. Iterative, so deep schemas cannot overflow the stack.
/// </summary>
internal static class SchemaWalker
{
    /// <summary>Keywords whose values are data, not schemas: a "$ref" key inside them is not a reference.</summary>
    private static readonly HashSet<string> DataKeywords = ["enum", "const", "default", "examples"];

    /// <summary>Keywords whose values map names to schemas: their keys are names, never keywords.</summary>
    private static readonly HashSet<string> NameMaps =
    [
        "properties",
        "patternProperties",
        "definitions",
        "dependencies",
    ];

    public static SchemaOutline Walk(JsonElement root, Uri documentUri)
    {
        var ids = new List<(string, Uri)>();
        var anchors = new List<Uri>();
        var references = new List<SchemaReference>();
        var pending = new Stack<(JsonElement Element, string Pointer, Uri Base, bool IsNameMap)>();
        pending.Push((root, "", documentUri, false));
        while (pending.Count > 0)
        {
            var (element, pointer, baseUri, isNameMap) = pending.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    pending.Push((item, JsonPointers.Append(pointer, index++), baseUri, false));
                }

                continue;
            }
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (isNameMap)
            {
                foreach (var property in element.EnumerateObject())
                {
                    pending.Push((property.Value, JsonPointers.Append(pointer, property.Name), baseUri, false));
                }

                continue;
            }

            if (
                element.TryGetProperty("$id", out var id)
                && id.ValueKind == JsonValueKind.String
                && Uri.TryCreate(baseUri, id.GetString(), out var resolved)
            )
            {
                // A bare fragment ("#name") is an anchor, not a new base.
                if (id.GetString()!.StartsWith('#'))
                {
                    anchors.Add(resolved);
                }
                else
                {
                    if (pointer.Length > 0)
                    {
                        ids.Add((pointer, resolved));
                    }

                    baseUri = resolved;
                }
            }
            foreach (var property in element.EnumerateObject())
            {
                var childPointer = JsonPointers.Append(pointer, property.Name);
                if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                {
                    var text = property.Value.GetString()!;
                    if (Uri.TryCreate(baseUri, text, out var target))
                    {
                        references.Add(new SchemaReference(childPointer, text, target));
                    }
                    else
                    {
                        references.Add(new SchemaReference(childPointer, text, new Uri("urn:uet:invalid-reference")));
                    }
                }
                else if (!DataKeywords.Contains(property.Name))
                {
                    pending.Push((property.Value, childPointer, baseUri, NameMaps.Contains(property.Name)));
                }
            }
        }
        return new SchemaOutline(ids, anchors, references);
    }
}

/// <summary>What <see cref="SchemaWalker"/> found: embedded <c>$id</c>s, plain-name anchors, references.</summary>
internal sealed record SchemaOutline(
    List<(string Pointer, Uri Id)> Ids,
    List<Uri> Anchors,
    List<SchemaReference> References
);

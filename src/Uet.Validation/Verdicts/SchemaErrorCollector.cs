using Json.Schema;
using Uet.Validation.Documents;

namespace Uet.Validation.Verdicts;

/// <summary>
/// Walks the hierarchical output and keeps only the failures a user must act on. The flat list output holds
/// thousands of nodes for a few real errors; here a failed <c>if</c> (just a condition), the items a
/// <c>contains</c> did not match and a <c>not</c>'s subschema are passed over, and the branches of an
/// anyOf/oneOf become one error that carries each alternative.
/// </summary>
internal static class SchemaErrorCollector
{
    private static readonly HashSet<string> ConditionKeywords = ["if", "contains", "not"];

    public static List<SchemaError> Collect(EvaluationResults results)
    {
        var errors = new List<SchemaError>();
        Collect(results, errors);
        return errors;
    }

    private static void Collect(EvaluationResults node, List<SchemaError> into)
    {
        if (node.IsValid)
        {
            return;
        }

        var pointer = node.InstanceLocation.ToString();
        if (node.Errors is { Count: > 0 })
        {
            foreach (var (keyword, message) in node.Errors)
            {
                // A false schema reports under an empty keyword; the keyword that holds it is the last path segment.
                var name = keyword.Length > 0 ? keyword : OwningKeyword(node.EvaluationPath.ToString());
                into.Add(new SchemaError(pointer, name, node.EvaluationPath.ToString(), message));
            }
        }
        if (node.Details is null)
        {
            return;
        }

        var branches = new Dictionary<string, List<IReadOnlyList<SchemaError>>>(StringComparer.Ordinal);
        foreach (var child in node.Details)
        {
            if (child.IsValid)
            {
                continue;
            }

            var path = JsonPointers.Segments(child.EvaluationPath.ToString());
            if (path.Count > 0 && ConditionKeywords.Contains(path[^1]))
            {
                continue;
            }

            if (path.Count > 1 && path[^2] is "anyOf" or "oneOf" && path[^1].All(char.IsAsciiDigit))
            {
                var branch = new List<SchemaError>();
                Collect(child, branch);
                if (!branches.TryGetValue(path[^2], out var list))
                {
                    branches[path[^2]] = list = [];
                }

                list.Add(branch);
                continue;
            }
            Collect(child, into);
        }
        foreach (var (keyword, alternatives) in branches)
        {
            if (node.Errors?.ContainsKey(keyword) == true)
            {
                continue;
            }

            into.Add(
                new SchemaError(
                    pointer,
                    keyword,
                    node.EvaluationPath.ToString(),
                    $"the value matches none of the {keyword} alternatives",
                    alternatives
                )
            );
        }
    }

    private static string OwningKeyword(string evaluationPath)
    {
        var last = JsonPointers.LastSegment(evaluationPath);
        return last is "additionalProperties" or "additionalItems" or "items" or "propertyNames" ? last : "false";
    }
}

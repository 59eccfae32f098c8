using System.Text.Json;
using Uet.Validation.Diagnostics;

namespace Uet.Validation.Documents;

/// <summary>A well-formed document: its JSON value, and a way back from JSON pointers to lines and columns.</summary>
public sealed class ParsedDocument : IDisposable
{
    private readonly JsonDocument _json;
    private readonly Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, ValueLocation>> _locate;

    internal ParsedDocument(
        JsonDocument json,
        Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, ValueLocation>> locate
    )
    {
        _json = json;
        _locate = locate;
    }

    public JsonElement Root => _json.RootElement;

    /// <summary>
    /// Positions for the given pointers. A pointer that names nothing (a missing key) gets the position of
    /// its nearest existing ancestor, so every finding has a line.
    /// </summary>
    public IReadOnlyDictionary<string, ValueLocation> Locate(IReadOnlyCollection<string> pointers)
    {
        var withAncestors = pointers.SelectMany(Ancestry).ToHashSet(StringComparer.Ordinal);
        var found = _locate(withAncestors);
        var result = new Dictionary<string, ValueLocation>(StringComparer.Ordinal);
        foreach (var pointer in pointers)
        {
            result[pointer] = Ancestry(pointer)
                .Select(p => found.TryGetValue(p, out var l) ? l : (ValueLocation?)null)
                .FirstOrDefault(l => l is not null)
                ?? new ValueLocation(TextPosition.Start, null);
        }
        return result;
    }

    private static IEnumerable<string> Ancestry(string pointer)
    {
        for (var p = pointer; ; p = JsonPointers.Parent(p))
        {
            yield return p;
            if (p.Length == 0)
            {
                yield break;
            }
        }
    }

    public void Dispose() => _json.Dispose();
}

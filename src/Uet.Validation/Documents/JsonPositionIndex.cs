using System.Text.Json;

namespace Uet.Validation.Documents;

/// <summary>
/// Finds where the values at given JSON pointers stand in a JSON text, in one reader pass. It is run only
/// for documents that failed, and only descends into the subtrees that lead to a wanted pointer.
/// </summary>
internal static class JsonPositionIndex
{
    public static Dictionary<string, ValueLocation> Locate(
        ReadOnlyMemory<byte> utf8,
        IReadOnlyCollection<string> pointers
    )
    {
        var found = new Dictionary<string, ValueLocation>(StringComparer.Ordinal);
        if (pointers.Count == 0)
        {
            return found;
        }

        var wanted = pointers.ToHashSet(StringComparer.Ordinal);
        var onTheWay = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pointer in wanted)
        {
            for (var p = pointer; ; p = JsonPointers.Parent(p))
            {
                if (!onTheWay.Add(p) || p.Length == 0)
                {
                    break;
                }
            }
        }

        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = DocumentParser.MaxDepth });
        var containers = new Stack<Container>();
        string? propertyName = null;
        long propertyOffset = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    propertyName = reader.GetString();
                    propertyOffset = reader.TokenStartIndex;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
            }

            string pointer;
            long? keyOffset = null;
            if (containers.Count == 0)
            {
                pointer = "";
            }
            else if (containers.Peek().IsArray)
            {
                pointer = JsonPointers.Append(containers.Peek().Pointer, containers.Peek().NextIndex++);
            }
            else
            {
                pointer = JsonPointers.Append(containers.Peek().Pointer, propertyName!);
                keyOffset = propertyOffset;
            }

            if (wanted.Contains(pointer))
            {
                found[pointer] = new ValueLocation(
                    lines.PositionOf(reader.TokenStartIndex),
                    keyOffset is { } k ? lines.PositionOf(k) : null
                );
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (onTheWay.Contains(pointer))
                {
                    containers.Push(new Container(pointer, reader.TokenType == JsonTokenType.StartArray));
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        return found;
    }

    private sealed class Container(string pointer, bool isArray)
    {
        public string Pointer { get; } = pointer;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
    }
}

using System.Text.Json;
using Uet.Context.Encodings;

namespace Uet.Context.Models;

/// <summary>
/// A model table of one's own, in JSON: <c>[{ "prefix": "my-gpt", "encoding": "o200k_base", "context_window": 64000 }]</c>
/// (<c>"encoding": null</c> for a model without a local tokenizer, counted by estimate). Its families come on top of the
/// built-in ones: the longest matching prefix wins, and on an equal prefix the file's.
/// </summary>
public static class ModelTable
{
    public static ModelRegistry Load(string path)
    {
        List<ModelFamily> families;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            families = [.. document.RootElement.EnumerateArray().Select((entry, i) => Family(path, i, entry))];
        }
        catch (Exception e)
            when (e is JsonException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new FormatException(
                $"{path}: not a model table ({e.Message}). Expected [{{\"prefix\": ..., \"encoding\": \"cl100k_base\"|\"o200k_base\"|null, \"context_window\": ...}}].",
                e
            );
        }
        var overridden = families.Select(f => f.Prefix).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ModelRegistry([.. ModelRegistry.BuiltIn.Where(f => !overridden.Contains(f.Prefix)), .. families]);
    }

    private static ModelFamily Family(string path, int index, JsonElement entry)
    {
        var prefix =
            entry.TryGetProperty("prefix", out var p)
            && p.ValueKind == JsonValueKind.String
            && p.GetString()!.Length > 0
                ? p.GetString()!
                : throw new FormatException($"{path}: entry {index} has no \"prefix\".");
        TiktokenEncoding? encoding = null;
        if (entry.TryGetProperty("encoding", out var e) && e.ValueKind != JsonValueKind.Null)
        {
            var name = e.GetString();
            encoding = TiktokenEncoding.All.FirstOrDefault(x => x.Name == name)
                ?? throw new FormatException(
                    $"{path}: entry {index} ({prefix}): unknown encoding '{name}'; known: {string.Join(", ", TiktokenEncoding.All.Select(x => x.Name))}, or null."
                );
        }
        var window =
            entry.TryGetProperty("context_window", out var w) && w.TryGetInt32(out var tokens) && tokens > 0
                ? tokens
                : throw new FormatException(
                    $"{path}: entry {index} ({prefix}): \"context_window\" must be a whole number above 0."
                );
        return new ModelFamily(prefix, encoding, window);
    }
}

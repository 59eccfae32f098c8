using System.Text.Json;
using Uet.Validation.Diagnostics;

namespace Uet.Validation.Documents;

/// <summary>Reads a JSON or YAML file (chosen by extension) into a <see cref="ParsedDocument"/>, or a finding that says where it breaks.</summary>
public static class DocumentParser
{
    /// <summary>Deeper documents are refused: no UET document needs it, and deep recursion is what crashes validators.</summary>
    public const int MaxDepth = 256;

    internal static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static ParseOutcome ParseFile(string path)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParseOutcome.Fail(
                path,
                TextPosition.Start,
                Codes.UnreadableDocument,
                $"cannot read the file: {e.Message}"
            );
        }
        return Parse(path, raw);
    }

    public static ParseOutcome Parse(string path, byte[] raw)
    {
        if (!TextDecoder.TryGetUtf8(raw, out var utf8, out var decodeError))
        {
            return ParseOutcome.Fail(path, TextPosition.Start, Codes.UnreadableDocument, decodeError!);
        }

        if (IsBlank(utf8.Span))
        {
            return ParseOutcome.Fail(path, TextPosition.Start, Codes.EmptyDocument, "the document is empty");
        }

        return IsYaml(path) ? YamlConverter.Parse(path, utf8) : ParseJson(path, utf8);
    }

    private static ParseOutcome ParseJson(string path, ReadOnlyMemory<byte> utf8)
    {
        try
        {
            var json = JsonDocument.Parse(utf8, JsonOptions);
            return new ParseOutcome(
                new ParsedDocument(json, pointers => JsonPositionIndex.Locate(utf8, pointers)),
                null
            );
        }
        catch (JsonException e)
        {
            var position = new LineIndex(utf8).PositionOf(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var tooDeep = e.Message.Contains("maximum configured depth", StringComparison.Ordinal);
            return tooDeep
                ? ParseOutcome.Fail(path, position, Codes.TooDeep, $"the document nests deeper than {MaxDepth} levels")
                : ParseOutcome.Fail(
                    path,
                    position,
                    Codes.MalformedDocument,
                    $"invalid JSON: {WithoutLocationSuffix(e.Message)}"
                );
        }
    }

    /// <summary>System.Text.Json appends " LineNumber: n | BytePositionInLine: m."; the diagnostic already carries the position.</summary>
    private static string WithoutLocationSuffix(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd(' ', '.');
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyExcept(" \t\r\n"u8) < 0;
}

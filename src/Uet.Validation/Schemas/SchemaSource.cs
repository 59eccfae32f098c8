using Uet.Validation.Documents;

namespace Uet.Validation.Schemas;

/// <summary>One schema document of a set: where it came from, the base URI it is known by, its parsed JSON.</summary>
public sealed class SchemaSource
{
    internal SchemaSource(Uri baseUri, string displayPath, string? filePath, byte[] bytes, ParsedDocument? parsed)
    {
        BaseUri = baseUri;
        DisplayPath = displayPath;
        FilePath = filePath;
        Bytes = bytes;
        Parsed = parsed;
    }

    /// <summary>The URI the schema is registered under: its absolute <c>$id</c>, else a synthetic one derived from its path.</summary>
    public Uri BaseUri { get; }

    /// <summary>The path diagnostics name: the file, or <c>uet/NAME.v1.json</c> for a shipped schema.</summary>
    public string DisplayPath { get; }

    /// <summary>The file on disk; null for shipped schemas and in-memory ones.</summary>
    public string? FilePath { get; }

    public byte[] Bytes { get; }

    /// <summary>Null when the schema file is not well-formed (the set's findings say why).</summary>
    public ParsedDocument? Parsed { get; }

    public bool IsShipped => BaseUri.AbsoluteUri.StartsWith(ShippedSchemas.BaseUri, StringComparison.Ordinal);

    public override string ToString() => DisplayPath;
}

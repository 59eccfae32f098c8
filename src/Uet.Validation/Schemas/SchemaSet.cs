using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Json.Schema;
using Uet.Validation.Diagnostics;
using Uet.Validation.Documents;

namespace Uet.Validation.Schemas;

/// <summary>
/// A closed set of schemas that refer only to each other. Every schema is registered under its base URI in
/// a registry of its own (never the process-wide one: MSBuild reuses processes) and is built on first use,
/// so the order schemas are added in does not matter. Nothing is ever fetched: a URI outside the set fails.
/// </summary>
public sealed class SchemaSet
{
    private readonly Dictionary<Uri, SchemaSource> _byUri = [];
    private readonly Dictionary<Uri, (SchemaSource Source, string Pointer)> _embeddedIds = [];
    private readonly Dictionary<SchemaSource, List<SchemaReference>> _references = [];
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal); // Uri equality ignores fragments
    private readonly ConcurrentDictionary<SchemaSource, string> _fingerprints = new(); // a set may serve several threads
    private readonly List<SchemaSource> _sources = [];
    private readonly List<Finding> _findings = [];
    private readonly HashSet<SchemaSource> _broken = [];
    private readonly SchemaRegistry _registry = new();
    private readonly object _evaluationLock = new();
    private readonly BuildOptions _buildOptions;

    public SchemaSet()
    {
        _registry.Fetch = (uri, _) => Find(uri) is { Parsed: not null } source ? Build(source) : null;
        _buildOptions = new BuildOptions { SchemaRegistry = _registry, Dialect = BoundedPatterns.Draft07 };
        var formats = new FormatRegistry();
        formats.Register(UlidFormat.Create());
        // Set in full on both: EvaluationOptions.From does not carry the format registry over.
        EvaluationOptions = new EvaluationOptions
        {
            OutputFormat = OutputFormat.Hierarchical,
            RequireFormatValidation = true,
            FormatRegistry = formats,
        };
        VerdictOptions = new EvaluationOptions
        {
            OutputFormat = OutputFormat.Flag,
            RequireFormatValidation = true,
            FormatRegistry = formats,
        };
        _metaSchema = new Lazy<SchemaSource>(CreateMetaSchemaSource);
    }

    private static readonly Uri MetaSchemaUri = new("http://json-schema.org/draft-07/schema");
    private readonly Lazy<SchemaSource> _metaSchema;

    /// <summary>
    /// The draft-07 meta-schema as JSON (not one of <see cref="Sources"/>), so that errors in user schemas are explained
    /// like errors in documents. Made on first use: serializing it costs more than a whole clean check.
    /// </summary>
    public SchemaSource MetaSchema => _metaSchema.Value;

    private SchemaSource CreateMetaSchemaSource()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(MetaSchemas.Draft7);
        return new SchemaSource(
            MetaSchemaUri,
            "draft-07 meta-schema",
            null,
            bytes,
            DocumentParser.Parse("draft-07.json", bytes).Document
        );
    }

    /// <summary>Evaluation with the detailed (hierarchical) output that error messages are made from.</summary>
    public EvaluationOptions EvaluationOptions { get; }

    /// <summary>Evaluation for the verdict alone: four to five times faster on large documents, so valid documents take this path only.</summary>
    public EvaluationOptions VerdictOptions { get; }

    public IReadOnlyList<SchemaSource> Sources => _sources;

    /// <summary>Problems found in the schemas themselves (UET2xxx), in the order they were found.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>True when the schema, or one it refers to, has an error: documents cannot be judged against it.</summary>
    public bool IsBroken(SchemaSource source) => Closure(source).Any(_broken.Contains);

    /// <summary>The references of a schema of the set (none for the meta-schema, which refers only to itself).</summary>
    public IReadOnlyList<SchemaReference> ReferencesOf(SchemaSource source) =>
        _references.GetValueOrDefault(source) ?? [];

    /// <summary>
    /// Adds a schema known by <paramref name="location"/> (its file's URI, or where it would be fetched from). A schema
    /// with its own <c>$id</c> is based on that, and is found by either.
    /// </summary>
    public SchemaSource Add(Uri location, string displayPath, string? filePath, byte[] bytes, ParsedDocument? parsed)
    {
        var baseUri = location;
        if (
            parsed is not null
            && parsed.Root.ValueKind == JsonValueKind.Object
            && parsed.Root.TryGetProperty("$id", out var id)
            && id.ValueKind == JsonValueKind.String
            && !id.GetString()!.StartsWith('#')
            && Uri.TryCreate(location, id.GetString(), out var own)
        )
        {
            baseUri = WithoutFragment(own);
        }
        var source = new SchemaSource(baseUri, displayPath, filePath, bytes, parsed);
        _sources.Add(source);
        _byUri.TryAdd(baseUri, source);
        _byUri.TryAdd(WithoutFragment(location), source);
        var outline = parsed is null ? new SchemaOutline([], [], []) : SchemaWalker.Walk(parsed.Root, baseUri);
        foreach (var (pointer, embedded) in outline.Ids)
        {
            _embeddedIds.TryAdd(WithoutFragment(embedded), (source, pointer));
        }

        _anchors.UnionWith(outline.Anchors.Select(a => a.AbsoluteUri));
        _references[source] = outline.References;
        if (parsed is null)
        {
            _broken.Add(source);
        }

        return source;
    }

    internal void Report(SchemaSource source, Finding finding)
    {
        _findings.Add(finding);
        if (finding.Severity == Severity.Error)
        {
            _broken.Add(source);
        }
    }

    public SchemaSource? Find(Uri uri)
    {
        var key = WithoutFragment(uri);
        if (key == MetaSchemaUri)
        {
            return MetaSchema;
        }

        return _byUri.TryGetValue(key, out var source) ? source
            : _embeddedIds.TryGetValue(key, out var embedded) ? embedded.Source
            : null;
    }

    /// <summary>Whether <paramref name="uri"/> names a schema of this set (by base URI or embedded <c>$id</c>).</summary>
    public bool Knows(Uri uri) => Find(uri) is not null;

    /// <summary>Whether a plain-name fragment (<c>doc#name</c>) names an anchor declared by a <c>$id</c>.</summary>
    public bool HasAnchor(Uri uriWithFragment) => _anchors.Contains(uriWithFragment.AbsoluteUri);

    /// <summary>
    /// Evaluates <paramref name="instance"/> against the schema; throws when the schema cannot be built or used
    /// (callers check <see cref="IsBroken"/> first). Evaluations of one set take turns: JsonSchema.Net builds schemas
    /// and resolves their references lazily, during evaluation, into a registry that is a plain dictionary, so
    /// sharing a set between threads (MSBuild may run several projects' tasks in one process) needs the lock.
    /// A lock nobody else holds costs next to nothing.
    /// </summary>
    public EvaluationResults Evaluate(SchemaSource source, JsonElement instance, EvaluationOptions options)
    {
        lock (_evaluationLock)
        {
            var schema = _registry.Get(source.BaseUri) as JsonSchema ?? Build(source);
            return schema.Evaluate(instance, options);
        }
    }

    private JsonSchema Build(SchemaSource source) =>
        JsonSchema.Build(WithoutDialectDeclaration(source.Parsed!.Root), _buildOptions, source.BaseUri);

    /// <summary>
    /// JsonSchema.Net builds with the dialect a schema's <c>$schema</c> names rather than the one in the build options,
    /// and only the set's own dialect bounds pattern matching; so the declaration is left out of what is built. Every
    /// schema of a set is read as draft-07 anyway, and removing a root key moves no pointer that messages use.
    /// </summary>
    private static JsonElement WithoutDialectDeclaration(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$schema", out _))
        {
            return root;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject().Where(p => p.Name != "$schema"))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }

    /// <summary>The JSON of the (sub)schema a URI with a pointer fragment names, for composing messages.</summary>
    public JsonElement? Subschema(Uri uri)
    {
        var key = WithoutFragment(uri);
        var (source, prefix) =
            !_byUri.ContainsKey(key) && _embeddedIds.TryGetValue(key, out var embedded)
                ? (embedded.Source, embedded.Pointer)
                : (Find(key), "");
        return source?.Parsed is null
            ? null
            : Resolve(source.Parsed.Root, prefix + Uri.UnescapeDataString(uri.Fragment.TrimStart('#')));
    }

    /// <summary>Follows a JSON pointer from <paramref name="root"/>; null when it names nothing.</summary>
    public static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in JsonPointers.Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (
                current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, out var index)
                && index >= 0
                && index < current.GetArrayLength()
            )
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>
    /// A hash of the schema and every schema it reaches through <c>$ref</c>, with the time each schema file was
    /// written: when it changes (a schema edited, or touched as MSBuild would see it), the documents that use the
    /// schema are validated again; when it does not, their earlier verdict stands.
    /// </summary>
    public string Fingerprint(SchemaSource source)
    {
        if (_fingerprints.TryGetValue(source, out var known))
        {
            return known;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var member in Closure(source).OrderBy(s => s.BaseUri.AbsoluteUri, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(member.BaseUri.AbsoluteUri));
            hash.AppendData(member.Bytes);
            if (member.FilePath is not null)
            {
                hash.AppendData(BitConverter.GetBytes(File.GetLastWriteTimeUtc(member.FilePath).Ticks));
            }
        }
        return _fingerprints[source] = Convert.ToHexString(hash.GetHashAndReset());
    }

    private HashSet<SchemaSource> Closure(SchemaSource source)
    {
        var seen = new HashSet<SchemaSource> { source };
        var pending = new Stack<SchemaSource>([source]);
        while (pending.Count > 0)
        {
            foreach (var reference in ReferencesOf(pending.Pop()))
            {
                if (Find(reference.Document) is { } target && seen.Add(target))
                {
                    pending.Push(target);
                }
            }
        }
        return seen;
    }

    internal static Uri WithoutFragment(Uri uri) => new(uri.GetLeftPart(UriPartial.Query));
}

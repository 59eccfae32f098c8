using System.Reflection;

namespace Uet.Validation.Schemas;

/// <summary>
/// The 17 UET v1 schemas, embedded in this assembly. Their <c>$id</c>s live under the reserved
/// <c>.invalid</c> domain (RFC 2606): identifiers that nothing could ever fetch.
/// </summary>
public static class ShippedSchemas
{
    public const string BaseUri = "https://uet.invalid/schemas/v1/";

    public static IReadOnlyList<string> Names { get; } =
    [
        "doc-meta",
        "run_record",
        "step_attempt",
        "run_event",
        "patch_artifact",
        "patch_ledger_entry",
        "patch_policy",
        "prompt_instance",
        "execution_request",
        "router_config",
        "phase_spec",
        "workstream_spec",
        "task_spec",
        "project_profile",
        "profile_extension",
        "bootstrap_discovery",
        "bootstrap_report",
    ];

    /// <summary>Short kinds for the file-name convention NAME.KIND.json (besides the full names).</summary>
    private static readonly Dictionary<string, string> ShortKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["meta"] = "doc-meta",
        ["run"] = "run_record",
        ["event"] = "run_event",
        ["patch"] = "patch_artifact",
        ["policy"] = "patch_policy",
        ["prompt"] = "prompt_instance",
        ["request"] = "execution_request",
        ["router"] = "router_config",
        ["phase"] = "phase_spec",
        ["workstream"] = "workstream_spec",
        ["task"] = "task_spec",
        ["profile"] = "project_profile",
    };

    public static Uri UriOf(string name) => new(BaseUri + name + ".v1.json");

    /// <summary>
    /// The canonical name for <c>workstream_spec</c>, <c>workstream_spec.v1</c>, <c>workstream_spec.v1.json</c>
    /// (any case, '-' and '_' alike), or null when it names no shipped schema.
    /// </summary>
    public static string? Normalize(string nameOrFile)
    {
        var name = nameOrFile.Trim();
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^5];
        }

        if (name.EndsWith(".v1", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return Names.FirstOrDefault(n => SameName(n, name));
    }

    /// <summary>Like <see cref="Normalize"/>, but also accepts the short kinds of the file-name convention.</summary>
    public static string? FromKind(string kind) =>
        Normalize(kind) ?? (ShortKinds.TryGetValue(kind, out var name) ? name : null);

    public static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"uet/{name}.v1.json")
            ?? throw new InvalidOperationException($"shipped schema {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool SameName(string a, string b) =>
        string.Equals(a.Replace('-', '_'), b.Replace('-', '_'), StringComparison.OrdinalIgnoreCase);
}

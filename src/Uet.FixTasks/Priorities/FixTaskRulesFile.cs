using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Uet.FixTasks.Priorities;

/// <summary>
/// Reads a rules file, checked against the schema Uet ships (embedded; nothing is fetched). A bad file is an error
/// that names the file and what is wrong: rules that silently fell back to defaults would rank tasks wrongly.
/// </summary>
public static class FixTaskRulesFile
{
    public const string SchemaResource = "fix_task_rules.v1.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(ReadResource(SchemaResource), new BuildOptions())
    );

    /// <exception cref="InvalidDataException">The file is not JSON or does not match the schema.</exception>
    public static FixTaskRules Load(string path)
    {
        var text = File.ReadAllText(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}({e.LineNumber + 1},{e.BytePositionInLine + 1}): the fix-task rules are not JSON: {e.Message}"
            );
        }
        using (document)
        {
            var result = Schema.Value.Evaluate(
                document.RootElement,
                new EvaluationOptions { OutputFormat = OutputFormat.List }
            );
            if (!result.IsValid)
            {
                var problems = (result.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d =>
                        d.Errors!.Select(e =>
                            $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "the document")}: {e.Value}"
                        )
                    );
                throw new InvalidDataException(
                    $"{path}: the fix-task rules do not match {SchemaResource}: {string.Join("; ", problems.Distinct().Take(5))}"
                );
            }
        }
        var rules = JsonNode.Parse(text)!.AsObject();
        var defaults = FixTaskRules.Default;
        return new FixTaskRules
        {
            BlockingCategories = Strings(rules["blocking_categories"]) ?? defaults.BlockingCategories,
            BlockingPriorities = rules["blocking_priorities"]?.AsArray().Select(n => n!.GetValue<int>()).ToList()
                ?? defaults.BlockingPriorities,
            BlockingTraits = rules["blocking_traits"]
                ?.AsObject()
                .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)Strings(p.Value)!)
                ?? defaults.BlockingTraits,
            ManyFailures = rules["many_failures"]?.GetValue<int>() ?? defaults.ManyFailures,
            InitializationMarkers = Strings(rules["initialization_markers"]) ?? defaults.InitializationMarkers,
            FlakyRuns = rules["flaky_runs"]?.GetValue<int>() ?? defaults.FlakyRuns,
            KnownFlaky = Strings(rules["known_flaky"]) ?? defaults.KnownFlaky,
        };
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the schema {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<string>? Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()).ToList();
}

using System.Reflection;
using System.Text;
using System.Text.Json;
using Uet.Validation.Documents;
using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.FixTasks.Priorities;

/// <summary>
/// Reads a rules file, checked against the schema Uet ships (embedded; nothing is fetched) by the validator the
/// build gate uses, so every problem has its line and column. A bad file is an error that names the file and what
/// is wrong: rules that silently fell back to defaults would rank tasks wrongly.
/// </summary>
public static class FixTaskRulesFile
{
    public const string SchemaResource = "fix_task_rules.v1.json";

    /// <summary>At most this many problems are told; the first ones say what to fix first.</summary>
    private const int ProblemsTold = 5;

    private static readonly Uri SchemaId = new("https://uet.invalid/schemas/fix-tasks/fix_task_rules.v1.json");

    private static readonly Lazy<DocumentValidator> Validator = new(() =>
        new DocumentValidator(
            SchemaSetLoader.FromDocuments([(SchemaId, Encoding.UTF8.GetBytes(ReadResource(SchemaResource)))])
        )
    );

    /// <exception cref="InvalidDataException">The file is not JSON or does not match the schema.</exception>
    public static FixTaskRules Load(string path)
    {
        var outcome = DocumentParser.ParseFile(path);
        if (outcome.Failure is { } failure)
        {
            throw new InvalidDataException(failure.ToString());
        }
        using var document = outcome.Document!;
        var report = Validator.Value.Validate(path, document, SchemaId.AbsoluteUri);
        if (report.HasErrors)
        {
            throw new InvalidDataException(
                $"{path}: the fix-task rules do not match {SchemaResource}: {string.Join("; ", report.Findings.Take(ProblemsTold))}"
            );
        }
        return Read(document.Root);
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the schema {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The rules of a valid file: every key it has, the defaults for the others.</summary>
    private static FixTaskRules Read(JsonElement rules)
    {
        var defaults = FixTaskRules.Default;
        return new FixTaskRules
        {
            BlockingCategories = Strings(rules, "blocking_categories") ?? defaults.BlockingCategories,
            BlockingPriorities = Member(rules, "blocking_priorities") is { } priorities
                ? [.. priorities.EnumerateArray().Select(p => p.GetInt32())]
                : defaults.BlockingPriorities,
            BlockingTraits = Member(rules, "blocking_traits") is { } traits
                ? traits
                    .EnumerateObject()
                    .ToDictionary(
                        p => p.Name,
                        p => (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(v => v.GetString()!)]
                    )
                : defaults.BlockingTraits,
            ManyFailures = Member(rules, "many_failures")?.GetInt32() ?? defaults.ManyFailures,
            InitializationMarkers = Strings(rules, "initialization_markers") ?? defaults.InitializationMarkers,
            FlakyRuns = Member(rules, "flaky_runs")?.GetInt32() ?? defaults.FlakyRuns,
            KnownFlaky = Strings(rules, "known_flaky") ?? defaults.KnownFlaky,
        };
    }

    private static JsonElement? Member(JsonElement rules, string name) =>
        rules.TryGetProperty(name, out var value) ? value : null;

    private static List<string>? Strings(JsonElement rules, string name) =>
        Member(rules, name) is { } array ? [.. array.EnumerateArray().Select(v => v.GetString()!)] : null;
}

using System.Text.Json;
using Uet.Validation.Schemas;

namespace Uet.Schemas.Conformance;

/// <summary>
/// The draft-07 part of the JSON Schema test suite: each file holds groups of a schema and cases (data and the
/// expected verdict). Remote references (http://localhost:1234/...) are served from the suite's remotes/
/// folder by loading those files into the same schema set the gate uses; nothing goes to the network.
/// </summary>
public sealed class ConformanceSuite(string suiteFolder)
{
    private static readonly Uri RemoteBase = new("http://localhost:1234/");

    public IEnumerable<FileResult> Run()
    {
        var remotes = LoadRemotes();
        foreach (
            var file in Directory.GetFiles(Path.Combine(suiteFolder, "draft7"), "*.json").Order(StringComparer.Ordinal)
        )
        {
            var result = new FileResult(Path.GetFileName(file));
            using var groups = JsonDocument.Parse(File.ReadAllBytes(file));
            var groupIndex = 0;
            foreach (var group in groups.RootElement.EnumerateArray())
            {
                var schemaUri = new Uri($"https://uet.invalid/conformance/{result.Name}/{groupIndex++}.json");
                var set = SchemaSetLoader.FromDocuments([
                    .. remotes,
                    (schemaUri, JsonSerializer.SerializeToUtf8Bytes(group.GetProperty("schema"))),
                ]);
                var source = set.Sources[^1];
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var name =
                        $"{group.GetProperty("description").GetString()} / {test.GetProperty("description").GetString()}";
                    var expected = test.GetProperty("valid").GetBoolean();
                    try
                    {
                        // The gate takes the verdict from the fast output and its messages from the detailed one: both must be right.
                        var verdict = set.Evaluate(source, test.GetProperty("data"), set.VerdictOptions).IsValid;
                        var detailed = set.Evaluate(source, test.GetProperty("data"), set.EvaluationOptions).IsValid;
                        var passed = verdict == expected && detailed == expected;
                        result.Record(
                            name,
                            passed,
                            passed
                                ? null
                                : $"expected {(expected ? "valid" : "invalid")}, verdict {verdict}, detailed {detailed}"
                        );
                    }
                    catch (Exception e)
                    {
                        result.Record(name, false, $"{e.GetType().Name}: {e.Message}");
                    }
                }
            }
            yield return result;
        }
    }

    private List<(Uri, byte[])> LoadRemotes()
    {
        var folder = Path.Combine(suiteFolder, "remotes");
        return Directory
            .GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f =>
                (new Uri(RemoteBase, Path.GetRelativePath(folder, f).Replace('\\', '/')), File.ReadAllBytes(f))
            )
            .ToList();
    }
}

/// <summary>The outcome of one suite file: counts, and a line for each case that failed.</summary>
public sealed class FileResult(string name)
{
    private readonly List<string> _failures = [];

    public string Name { get; } = name;
    public int Passed { get; private set; }
    public IReadOnlyList<string> Failures => _failures;

    public void Record(string test, bool passed, string? why)
    {
        if (passed)
        {
            Passed++;
        }
        else
        {
            _failures.Add($"{test}: {why}");
        }
    }
}

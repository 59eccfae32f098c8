using System.Text.Json;
using System.Text.Json.Nodes;
using Uet.Validation.Documents;

namespace Uet.FixTasks.Workstreams;

/// <summary>
/// The tasks of a UET workstream (<c>workstream_spec</c>) as far as blocking goes: each task's dependencies and the
/// tests its acceptance checks name. A check names tests with any of these keys (the convention Uet reads):
/// <c>"test"</c> or <c>"tests"</c> (fully qualified names), <c>"class"</c> (a test class: every test in it),
/// <c>"category"</c> (a test category). Other checks are left alone.
/// </summary>
public sealed record Workstream(string Id, IReadOnlyList<WorkstreamTask> Tasks)
{
    /// <summary>Reads a workstream document, JSON or YAML (by its extension), as the build gate does.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable workstream; the message says where.</exception>
    public static Workstream Load(string path)
    {
        var outcome = DocumentParser.ParseFile(path);
        if (outcome.Failure is { } failure)
        {
            throw new InvalidDataException($"the workstream cannot be read: {failure}");
        }
        JsonNode? root;
        using (var parsed = outcome.Document!)
        {
            root = JsonNode.Parse(parsed.Root.GetRawText());
        }
        if (root is not JsonObject document || document["tasks"] is not JsonArray tasks)
        {
            throw new InvalidDataException($"{path}: not a workstream_spec (no \"tasks\" array)");
        }
        var id =
            document["workstream_id"]?.GetValueKind() == JsonValueKind.String
                ? document["workstream_id"]!.GetValue<string>()
                : Path.GetFileNameWithoutExtension(path);
        return new Workstream(id, [.. tasks.OfType<JsonObject>().Select(WorkstreamTask.From)]);
    }
}

/// <summary>One task of a workstream: what it depends on, and the tests its acceptance checks name.</summary>
public sealed record WorkstreamTask(
    string Id,
    string Name,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<TestSelector> Checks
)
{
    internal static WorkstreamTask From(JsonObject task)
    {
        var id = Text(task["task_id"]) ?? "?";
        var checks = (task["acceptance"]?["checks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(TestSelector.From)
            .ToList();
        var dependsOn = (task["depends_on"] as JsonArray ?? []).Select(Text).OfType<string>().ToList();
        return new WorkstreamTask(id, Text(task["name"]) ?? id, dependsOn, checks);
    }

    internal static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}

/// <summary>A set of tests an acceptance check names: one test, a class, or a category.</summary>
public sealed record TestSelector(string Kind, string Value)
{
    public bool Matches(string testName, IReadOnlyCollection<string> categories) =>
        Kind switch
        {
            "test" => testName == Value || testName.StartsWith(Value + "(", StringComparison.Ordinal),
            "class" => testName.StartsWith(Value + ".", StringComparison.Ordinal),
            _ => categories.Contains(Value, StringComparer.OrdinalIgnoreCase),
        };

    public override string ToString() => $"{Kind} {Value}";

    internal static IEnumerable<TestSelector> From(JsonObject check)
    {
        if (WorkstreamTask.Text(check["test"]) is { } test)
        {
            yield return new TestSelector("test", test);
        }
        foreach (var name in (check["tests"] as JsonArray ?? []).Select(WorkstreamTask.Text).OfType<string>())
        {
            yield return new TestSelector("test", name);
        }
        if (WorkstreamTask.Text(check["class"]) is { } type)
        {
            yield return new TestSelector("class", type);
        }
        if (WorkstreamTask.Text(check["category"]) is { } category)
        {
            yield return new TestSelector("category", category);
        }
    }
}

using System.Text.Json;
using Uet.Validation.Diagnostics;
using Uet.Validation.Documents;

namespace Uet.Validation.Verdicts;

/// <summary>
/// What JSON Schema cannot say about a workstream: task ids are unique, every depends_on names a task of the
/// workstream, and the dependencies form no cycle.
/// </summary>
internal static class WorkstreamRules
{
    public static List<DocumentProblem> Check(JsonElement workstream)
    {
        var problems = new List<DocumentProblem>();
        if (
            workstream.ValueKind != JsonValueKind.Object
            || !workstream.TryGetProperty("tasks", out var tasks)
            || tasks.ValueKind != JsonValueKind.Array
        )
        {
            return problems;
        }

        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new List<(int From, string To, string Pointer)>();
        var index = 0;
        foreach (var task in tasks.EnumerateArray())
        {
            var taskPointer = JsonPointers.Append("/tasks", index);
            if (
                task.ValueKind == JsonValueKind.Object
                && task.TryGetProperty("task_id", out var id)
                && id.ValueKind == JsonValueKind.String
            )
            {
                if (!indexById.TryAdd(id.GetString()!, index))
                {
                    problems.Add(
                        new DocumentProblem(
                            taskPointer + "/task_id",
                            Codes.DuplicateTaskId,
                            $"task_id '{id.GetString()}' at {taskPointer}/task_id is already the id of the task at /tasks/{indexById[id.GetString()!]}"
                        )
                    );
                }
                if (task.TryGetProperty("depends_on", out var dependsOn) && dependsOn.ValueKind == JsonValueKind.Array)
                {
                    var d = 0;
                    foreach (var dependency in dependsOn.EnumerateArray())
                    {
                        if (dependency.ValueKind == JsonValueKind.String)
                        {
                            edges.Add((index, dependency.GetString()!, $"{taskPointer}/depends_on/{d}"));
                        }

                        d++;
                    }
                }
            }
            index++;
        }

        foreach (var (_, to, pointer) in edges.Where(e => !indexById.ContainsKey(e.To)))
        {
            problems.Add(
                new DocumentProblem(
                    pointer,
                    Codes.UnknownDependency,
                    $"depends_on at {pointer} names '{to}', which is not a task_id of this workstream (known: {string.Join(", ", indexById.Keys.Take(20).Select(k => $"'{k}'"))})"
                )
            );
        }
        problems.AddRange(
            Cycles(
                tasks,
                edges.Where(e => indexById.ContainsKey(e.To)).Select(e => (e.From, indexById[e.To], e.Pointer)).ToList()
            )
        );
        return problems;
    }

    /// <summary>Depth-first search, iterative; each back edge closes one cycle, reported at the depends_on entry that closes it.</summary>
    private static List<DocumentProblem> Cycles(JsonElement tasks, List<(int From, int To, string Pointer)> edges)
    {
        var count = tasks.GetArrayLength();
        var outgoing = edges.ToLookup(e => e.From);
        var state = new byte[count]; // 0 unvisited, 1 on the current path, 2 done
        var path = new List<int>();
        var problems = new List<DocumentProblem>();
        for (var start = 0; start < count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, IEnumerator<(int From, int To, string Pointer)> Next)>();
            stack.Push((start, outgoing[start].GetEnumerator()));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                    stack.Pop();
                    continue;
                }
                var edge = next.Current;
                if (state[edge.To] == 1)
                {
                    var cycle = path.Skip(path.IndexOf(edge.To)).Append(edge.To).Select(i => TaskId(tasks[i]));
                    problems.Add(
                        new DocumentProblem(
                            edge.Pointer,
                            Codes.DependencyCycle,
                            $"dependency cycle: {string.Join(" -> ", cycle)} (closed by depends_on at {edge.Pointer})"
                        )
                    );
                }
                else if (state[edge.To] == 0)
                {
                    state[edge.To] = 1;
                    path.Add(edge.To);
                    stack.Push((edge.To, outgoing[edge.To].GetEnumerator()));
                }
            }
        }
        return problems;
    }

    private static string TaskId(JsonElement task) => task.GetProperty("task_id").GetString()!;
}

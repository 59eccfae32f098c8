using System.Text;
using Uet.Context;
using Uet.Context.Fitting;
using Uet.Core.Events;
using Uet.FixTasks.Signatures;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// The prompt-ready context of a fix task, fitted to a model's token budget by value (<see cref="Pruner"/>): the
/// task and its failure first, the user's frames, the source around the failing line (read from disk when the
/// file is there), the test's output, the framework's frames last.
/// </summary>
public sealed class TaskContextBuilder(string model, int budget, TokenCounter counter)
{
    public const string DefaultModel = "gpt-4o";
    public const int DefaultBudget = 4000;

    /// <summary>Lines of source shown on each side of the failing line.</summary>
    private const int SourceLines = 8;

    public (string Context, TaskContextInfo Info) Build(
        string title,
        FailureCause cause,
        TestResultRecord latest,
        IReadOnlyCollection<string> tests,
        string? startAt
    )
    {
        var task = new StringBuilder()
            .Append(title)
            .Append('\n')
            .Append("Failing tests (")
            .Append(tests.Count)
            .Append("): ")
            .Append(string.Join(", ", tests.Take(20)))
            .Append(tests.Count > 20 ? ", …" : "")
            .Append('\n');
        if (startAt is not null)
        {
            task.Append("Start at: ").Append(startAt).Append('\n');
        }
        var stack = string.Join('\n', cause.FramesUserFirst.Select(f => f.Text));
        var output = string.Join(
            '\n',
            new[] { latest.StandardOutput, latest.StandardError }.Where(o => !string.IsNullOrWhiteSpace(o))
        );
        var sections = new List<Section> { new("Task", task.ToString().TrimEnd(), FailureSections.Message) };
        sections.AddRange(FailureSections.For(latest.ErrorMessage, stack, SourceAround(cause.FirstUserFrame), output));
        var textCounter = counter.For(model);
        var (context, tokens) = Pruner.PruneCounted(sections, budget, textCounter);
        // An exact tokenizer's lines add up; a model without one is counted by the (flagged) estimate.
        return (context, new TaskContextInfo(model, budget, tokens, Estimated: !textCounter.LinesAddUp));
    }

    /// <summary>The failing line and the lines around it, numbered, when the file is on this machine.</summary>
    private static string? SourceAround(StackFrame? frame)
    {
        if (frame is not { File: { } file, Line: { } line } || !File.Exists(file))
        {
            return null;
        }
        try
        {
            var lines = File.ReadLines(file)
                .Skip(Math.Max(0, line - 1 - SourceLines))
                .Take(2 * SourceLines + 1)
                .ToList();
            var first = Math.Max(1, line - SourceLines);
            return $"{file}\n"
                + string.Join(
                    '\n',
                    lines.Select((text, i) => $"{(first + i == line ? ">" : " ")}{first + i, 5}: {text}")
                );
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

namespace Uet.Context.Fitting;

/// <summary>
/// The sections of a failed test's context, valued for pruning: what failed and where in the user's code first,
/// the framework's frames and the test's output last.
/// </summary>
public static class FailureSections
{
    public const int Message = 100;
    public const int UserFrames = 80;
    public const int SourceAroundFailure = 60;
    public const int Output = 30;
    public const int FrameworkFrames = 10;

    /// <summary>Frames of these namespaces are the platform's or the test framework's, not the user's code.</summary>
    private static readonly string[] FrameworkNamespaces =
    [
        "System.",
        "Microsoft.",
        "MSTest.",
        "Xunit.",
        "NUnit.",
        "Castle.",
        "Moq.",
        "FluentAssertions.",
        "Shouldly.",
        "---",
    ];

    public static IReadOnlyList<Section> For(
        string? message,
        string? stackTrace,
        string? sourceAroundFailure,
        string? output
    )
    {
        var frames = (stackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var framework = frames.Where(IsFrameworkFrame).ToList();
        var user = frames.Where(f => !IsFrameworkFrame(f)).ToList();
        var sections = new List<Section>();
        Add(sections, "Failure", message, Message);
        Add(sections, "Stack (your code)", string.Join('\n', user), UserFrames);
        Add(sections, "Source around the failing line", sourceAroundFailure, SourceAroundFailure);
        Add(sections, "Test output", output, Output);
        Add(sections, "Stack (framework)", string.Join('\n', framework), FrameworkFrames);
        return sections;
    }

    public static bool IsFrameworkFrame(string frame)
    {
        var text = frame.TrimStart();
        text = text.StartsWith("at ", StringComparison.Ordinal) ? text[3..] : text;
        return FrameworkNamespaces.Any(ns => text.StartsWith(ns, StringComparison.Ordinal));
    }

    private static void Add(List<Section> sections, string heading, string? text, int value)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            sections.Add(new Section(heading, text.TrimEnd(), value));
        }
    }
}

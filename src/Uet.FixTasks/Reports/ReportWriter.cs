using System.Text;

namespace Uet.FixTasks.Reports;

/// <summary>Writes the three reports into a folder, and the Markdown one to GitHub's step summary when asked.</summary>
public static class ReportWriter
{
    /// <summary>GitHub refuses a step summary over 1 MiB: what is appended keeps the file under it.</summary>
    public const int StepSummaryLimit = 1024 * 1024;

    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>Writes fix-tasks.md, fix-tasks.json and fix-tasks.html; returns the folder.</summary>
    public static string Write(ReportData data, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MarkdownReport.FileName), MarkdownReport.Render(data));
        using (var json = File.Create(Path.Combine(directory, JsonReport.FileName)))
        {
            JsonReport.Write(data, json);
        }
        using (
            var html = new StreamWriter(
                Path.Combine(directory, HtmlReport.FileName),
                append: false,
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)
            )
        )
        {
            HtmlReport.Write(data, html);
        }
        return directory;
    }

    /// <summary>
    /// Appends the Markdown report to the step summary file, cut at a task's heading with a note when the file
    /// would pass <see cref="StepSummaryLimit"/>. Returns a warning when it could not write, and never throws.
    /// </summary>
    public static string? AppendStepSummary(string markdown, string path)
    {
        try
        {
            var used = File.Exists(path) ? new FileInfo(path).Length : 0;
            File.AppendAllText(path, Fitted(markdown, StepSummaryLimit - used));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"Uet: the fix tasks could not be added to the step summary {path} ({e.Message}).";
        }
    }

    /// <summary>The Markdown within so many UTF-8 bytes: whole tasks, then a note of what was left out.</summary>
    internal static string Fitted(string markdown, long room)
    {
        if (Encoding.UTF8.GetByteCount(markdown) <= room)
        {
            return markdown;
        }
        const string Note =
            "\n> The fix-task report was cut here to stay under GitHub's 1 MiB step summary; the whole report is fix-tasks.md, fix-tasks.json and fix-tasks.html in the test results.\n";
        var budget = room - Encoding.UTF8.GetByteCount(Note);
        if (budget <= 0)
        {
            return "";
        }
        var cut = markdown.Length;
        while (cut > 0 && Encoding.UTF8.GetByteCount(markdown.AsSpan(0, cut)) > budget)
        {
            var heading = markdown.LastIndexOf("\n## ", cut - 1, StringComparison.Ordinal);
            cut = heading > 0 ? heading : 0;
        }
        return cut == 0 ? Note.TrimStart() : markdown[..cut] + "\n" + Note;
    }
}

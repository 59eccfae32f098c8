using System.Text.RegularExpressions;

namespace Uet.Build.Tasks.IntegrationTests;

/// <summary>What a real dotnet build did: exit code, full log, and the UET diagnostics it printed.</summary>
internal sealed partial class BuildResult(int exitCode, string output, string projectFolder)
{
    public int ExitCode { get; } = exitCode;
    public string Output { get; } = output;

    /// <summary>The UET diagnostics as <c>relative/path(line,col): error CODE</c>, in the order printed, each once.</summary>
    public IReadOnlyList<string> Diagnostics =>
        Matches()
            .Select(m =>
                $"{Relative(m.Groups["file"].Value)}{(m.Groups["line"].Success ? $"({m.Groups["line"].Value},{m.Groups["col"].Value})" : "")}: {m.Groups["severity"].Value} {m.Groups["code"].Value}"
            )
            .Distinct()
            .ToList();

    /// <summary>The messages, by code, for asserting their text.</summary>
    public IReadOnlyList<string> Messages =>
        Matches().Select(m => $"{m.Groups["code"].Value}: {m.Groups["message"].Value}").Distinct().ToList();

    public bool ValidatedDocuments =>
        Output.Contains("Uet: validated", StringComparison.Ordinal)
        && !Output.Contains("Uet: validated 0 document(s)", StringComparison.Ordinal);

    public bool SkippedDocumentTarget =>
        Output.Contains(
            "Skipping target \"UetValidateDocuments\" because all output files are up-to-date",
            StringComparison.Ordinal
        );

    /// <summary>For assertion messages: the diagnostics found, then the whole log.</summary>
    public string Explain() => "diagnostics:\n  " + string.Join("\n  ", Diagnostics) + "\nlog:\n" + Output;

    private MatchCollection Matches() => Diagnostic().Matches(Output);

    private string Relative(string file) =>
        Path.IsPathRooted(file) ? Path.GetRelativePath(projectFolder, file).Replace('\\', '/') : file;

    /// <summary>MSBuild's canonical form, <c>file(line,col): error CODE: message [project]</c>, or without a position: <c>file : error ...</c>.</summary>
    [GeneratedRegex(
        @"^[ \t]*(?:\d+>)?(?<file>[^\s(][^(\n]*?)(?:\((?<line>\d+),(?<col>\d+)\))? ?: (?<severity>error|warning) (?<code>UET\d{4}): (?<message>[^\n]*?) \[[^\]\n]*\][ \t\r]*$",
        RegexOptions.Multiline
    )]
    private static partial Regex Diagnostic();
}

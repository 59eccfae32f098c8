using Uet.Validation.Diagnostics;
using Uet.Validation.Documents;

namespace Uet.Validation.Verdicts;

/// <summary>Gives problems their line and column (one position pass per file) and orders them as they stand in the file.</summary>
internal static class Findings
{
    public static IEnumerable<Finding> Locate(
        string file,
        ParsedDocument document,
        IReadOnlyCollection<DocumentProblem> problems,
        Severity? severity = null
    )
    {
        if (problems.Count == 0)
        {
            return [];
        }

        var locations = document.Locate(problems.Select(p => p.Pointer).Distinct().ToList());
        return problems
            .Select(p =>
            {
                var location = locations[p.Pointer];
                var position = p.AtKey && location.Key is { } key ? key : location.Value;
                return new Finding(file, position, p.Code.Id, severity ?? p.Code.DefaultSeverity, p.Message, p.Pointer);
            })
            .OrderBy(f => f.Position.Line)
            .ThenBy(f => f.Position.Column)
            .ToList();
    }
}

using System.Globalization;

namespace Uet.Validation.Diagnostics;

/// <summary>Keeps a file's output readable: the first findings are listed, the rest counted on one line.</summary>
public static class FindingLimit
{
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, int maxPerFile)
    {
        if (maxPerFile <= 0 || findings.Count <= maxPerFile)
        {
            return findings;
        }

        var hidden = findings.Count - maxPerFile;
        var next = findings[maxPerFile];
        return
        [
            .. findings.Take(maxPerFile),
            new Finding(
                next.File,
                next.Position,
                Codes.MoreErrors.Id,
                next.Severity,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} more problem{1} in this file not shown (UetMaxErrorsPerFile={2})",
                    hidden,
                    hidden == 1 ? "" : "s",
                    maxPerFile
                )
            ),
        ];
    }
}

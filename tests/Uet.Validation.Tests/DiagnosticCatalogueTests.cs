using System.Text.RegularExpressions;
using Uet.Validation.Diagnostics;

namespace Uet.Validation.Tests;

/// <summary>The diagnostics table (docs/diagnostics.md, shipped in the package as the help links' target) is the user's reference: it must list exactly the codes the gate can report.</summary>
[TestClass]
public sealed partial class DiagnosticCatalogueTests
{
    private static readonly string Readme = File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "fixtures", "diagnostics.md")
    );

    [TestMethod]
    public void EveryCodeHasARowWithItsAnchorCauseAndFix()
    {
        foreach (var code in Codes.All)
        {
            var row = Readme
                .Split('\n')
                .SingleOrDefault(l =>
                    l.StartsWith($"| <a id=\"{code.Id.ToLowerInvariant()}\"></a>{code.Id} |", StringComparison.Ordinal)
                );
            Assert.IsNotNull(row, $"{code.Id} has no row in docs/diagnostics.md's table");
            StringAssert.Contains(row, code.Title);
            StringAssert.Contains(row, code.Fix);
        }
    }

    [TestMethod]
    public void TheReadmeNamesNoCodeThatDoesNotExist()
    {
        var known = Codes.All.Select(c => c.Id).ToHashSet();
        var named = CodePattern().Matches(Readme).Select(m => m.Value).Distinct();
        CollectionAssert.AreEquivalent(
            Array.Empty<string>(),
            named.Where(c => !known.Contains(c) && c != "UETnnnn").ToArray()
        );
    }

    [TestMethod]
    public void CodesAreUnique() => Assert.AreEqual(Codes.All.Count, Codes.All.Select(c => c.Id).Distinct().Count());

    [GeneratedRegex(@"UET\d{4}")]
    private static partial Regex CodePattern();
}

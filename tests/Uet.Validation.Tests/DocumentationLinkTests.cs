using System.Text.RegularExpressions;

namespace Uet.Validation.Tests;

/// <summary>Every relative link of the Markdown docs (README, docs/, the package readmes) names a file that is there.</summary>
[TestClass]
public sealed partial class DocumentationLinkTests
{
    [TestMethod]
    public void EveryRelativeLinkResolves()
    {
        var root = RepositoryRoot();
        var pages = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
            .Concat(Directory.EnumerateDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")))
            .Where(File.Exists)
            .ToList();
        Assert.IsTrue(pages.Count >= 10, $"found only {pages.Count} pages");
        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match link in LinkPattern().Matches(File.ReadAllText(page)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal))
                {
                    continue;
                }
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: {link.Value}");
                }
            }
        }
        CollectionAssert.AreEqual(Array.Empty<string>(), broken, string.Join("\n", broken));
    }

    [TestMethod]
    public void TheRootReadmeStaysShort()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md")).Length;
        Assert.IsTrue(lines <= 250, $"README.md has {lines} lines; the depth belongs in docs/");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Uet.Build.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (Uet.Build.sln) is not above the test's folder");
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();
}

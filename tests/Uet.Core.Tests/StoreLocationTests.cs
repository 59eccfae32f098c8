using Uet.Core.Recording;

namespace Uet.Core.Tests;

[TestClass]
public sealed class StoreLocationTests
{
    [TestMethod]
    public void TheStoreLivesAtTheSolutionFolderAboveTheTestAssembly()
    {
        using var folder = new TempFolder();
        folder.Write("repo/App.sln", "");
        var bin = Directory
            .CreateDirectory(Path.Combine(folder.Path, "repo", "tests", "A.Tests", "bin", "Debug", "net10.0"))
            .FullName;

        Assert.AreEqual(Path.Combine(folder.Path, "repo", ".uet", "uet.db"), StoreLocation.Resolve(null, null, bin));
    }

    [TestMethod]
    public void AGitFolderMarksTheRepositoryToo()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "repo", ".git"));
        folder.Write("repo/src/App.slnx", ""); // A nearer solution wins: it is found first on the way up.
        var bin = Directory.CreateDirectory(Path.Combine(folder.Path, "repo", "src", "bin")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(folder.Path, "repo", "tools", "bin")).FullName;

        Assert.AreEqual(
            Path.Combine(folder.Path, "repo", "src", ".uet", "uet.db"),
            StoreLocation.Resolve(null, null, bin)
        );
        Assert.AreEqual(Path.Combine(folder.Path, "repo", ".uet", "uet.db"), StoreLocation.Resolve(null, null, other));
    }

    [TestMethod]
    public void TheParameterWinsOverTheEnvironmentVariableWhichWinsOverTheDefault()
    {
        using var folder = new TempFolder();
        Assert.AreEqual(
            Path.GetFullPath("/data/param.db"),
            StoreLocation.Resolve("/data/param.db", "/data/env.db", folder.Path)
        );
        Assert.AreEqual(Path.GetFullPath("/data/env.db"), StoreLocation.Resolve("  ", "/data/env.db", folder.Path));
        Assert.AreEqual(Path.GetFullPath("relative.db"), StoreLocation.Resolve("relative.db", null, folder.Path));
    }

    [TestMethod]
    public void OutsideARepositoryTheProjectFolderHoldsTheStore()
    {
        using var folder = new TempFolder();
        folder.Write("Lonely.Tests/Lonely.Tests.csproj", "<Project />");
        var bin = Directory
            .CreateDirectory(Path.Combine(folder.Path, "Lonely.Tests", "bin", "Debug", "net10.0"))
            .FullName;

        Assert.AreEqual(
            Path.Combine(folder.Path, "Lonely.Tests", ".uet", "uet.db"),
            StoreLocation.Resolve(null, null, bin)
        );
    }
}

using System.Text.Json.Nodes;

namespace Uet.TestLogger.IntegrationTests;

/// <summary>The `uet` command as users get it: the Uet.Cli package installed with `dotnet tool install`.</summary>
[TestClass]
public sealed class UetToolTests
{
    [TestMethod]
    public void TheUetToolInstallsFromItsPackageAndReadsAStore()
    {
        using var folder = new TempFolder("uet-tool-e2e-");
        var db = Path.Combine(folder.Path, "uet.db");
        var recorded = Recordings.RecordMixedRun(db, "tool-session");
        var tools = Path.Combine(folder.Path, "tools");

        var (installCode, install) = ProcessRunner.Run(
            "dotnet",
            [
                "tool",
                "install",
                "Uet.Cli",
                "--tool-path",
                tools,
                "--version",
                PackageFeed.Version,
                "--add-source",
                PackageFeed.With("Uet.Cli"),
            ],
            folder.Path,
            PackageFeed.Environment,
            TimeSpan.FromMinutes(3)
        );
        Assert.AreEqual(0, installCode, install);

        var (code, output) = ProcessRunner.Run(
            Path.Combine(tools, "uet"),
            ["runs", "--db", db, "--json"],
            folder.Path,
            PackageFeed.Environment,
            TimeSpan.FromMinutes(1)
        );
        Assert.AreEqual(0, code, output);
        Assert.AreEqual(recorded.Run.RunId, JsonNode.Parse(output)!.AsArray().Single()!["run_id"]!.GetValue<string>());

        var (replayCode, replay) = ProcessRunner.Run(
            Path.Combine(tools, "uet"),
            ["replay", "--db", db, "--run", "latest"],
            folder.Path,
            PackageFeed.Environment,
            TimeSpan.FromMinutes(1)
        );
        Assert.AreEqual(0, replayCode, replay);
    }
}

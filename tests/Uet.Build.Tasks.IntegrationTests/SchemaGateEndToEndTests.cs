using System.IO.Compression;

namespace Uet.Build.Tasks.IntegrationTests;

/// <summary>Real dotnet build of consumer projects that reference the packed Uet.Build.Tasks package.</summary>
[TestClass]
public sealed class SchemaGateEndToEndTests
{
    [TestMethod]
    public void ValidDocumentsBuildCleanly()
    {
        using var project = new ConsumerProject();
        project.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        project.Write("uet/tasks/a.task.json", Samples.ValidTask);
        var build = project.Build();
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        Assert.AreEqual(0, build.Diagnostics.Count, build.Explain());
        StringAssert.Contains(build.Output, "Uet: validated 2 document(s), 0 with problems");
    }

    [TestMethod]
    public void InvalidDocumentFailsTheBuildAtEachOffendingValue()
    {
        using var project = new ConsumerProject();
        project.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        project.Write("uet/broken.workstream.json", Samples.BrokenWorkstream);
        var build = project.Build();
        Assert.AreEqual(1, build.ExitCode, build.Explain());
        CollectionAssert.AreEqual(
            new[]
            {
                "uet/broken.workstream.json(1,1): error UET1101",
                "uet/broken.workstream.json(7,47): error UET1103",
                "uet/broken.workstream.json(8,68): error UET1202",
            },
            build.Diagnostics.ToArray(),
            build.Explain()
        );
        CollectionAssert.Contains(
            build.Messages.ToArray(),
            "UET1103: 'kind' at /tasks/0/kind: expected a string, found integer 7"
        );
    }

    [TestMethod]
    public void YamlDocumentErrorsCarryLineAndColumn()
    {
        using var project = new ConsumerProject();
        project.Write(
            "uet/bad.phase.yaml",
            "phase_id: PH-01\nname: Build\ncategory: impl\nresource_scope:\n  type: code\nconstraints: {}\nacceptance:\n  mode: most\n  checks: []\n"
        );
        var build = project.Build();
        CollectionAssert.AreEqual(
            new[] { "uet/bad.phase.yaml(8,9): error UET1104" },
            build.Diagnostics.ToArray(),
            build.Explain()
        );
    }

    [TestMethod]
    public void WarningModeReportsWarningsAndBuilds()
    {
        using var project = new ConsumerProject();
        project.Write("uet/broken.workstream.json", Samples.BrokenWorkstream);
        var build = project.Build("-p:UetSchemaGate=warning");
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        Assert.AreEqual(
            3,
            build.Diagnostics.Count(d => d.Contains(": warning UET", StringComparison.Ordinal)),
            build.Explain()
        );
    }

    [TestMethod]
    public void OffModeSkipsTheGate()
    {
        using var project = new ConsumerProject();
        project.Write("uet/broken.workstream.json", Samples.BrokenWorkstream);
        var build = project.Build("-p:UetSchemaGate=off");
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        Assert.IsFalse(build.Output.Contains("Uet:", StringComparison.Ordinal), build.Explain());
    }

    [TestMethod]
    public void UnknownGateValueIsAnError()
    {
        using var project = new ConsumerProject(properties: "<UetSchemaGate>strict</UetSchemaGate>");
        project.Write("uet/a.task.json", Samples.ValidTask);
        var build = project.Build();
        Assert.AreEqual(1, build.ExitCode, build.Explain());
        CollectionAssert.Contains(
            build.Messages.ToArray(),
            "UET0001: UetSchemaGate is 'strict'; expected error, warning or off"
        );
    }

    [TestMethod]
    public void ItemMetadataChoosesTheSchemaForAnyFile()
    {
        using var project = new ConsumerProject(
            """
            <ItemGroup>
              <UetSchema Include="schemas/item.schema.json" />
              <UetDocument Include="config/router.json" Schema="router_config.v1.json" />
              <UetDocument Include="config/item.json" Schema="schemas/item.schema.json" />
            </ItemGroup>
            """
        );
        project.Write("schemas/item.schema.json", Samples.ItemSchema);
        project.Write("config/router.json", """{"version": "1.0", "apps": {}, "routing": {}}""");
        project.Write("config/item.json", """{"name": 42}""");
        var build = project.Build();
        CollectionAssert.AreEquivalent(
            new[] { "config/router.json(1,13): error UET1105", "config/item.json(1,10): error UET1103" },
            build.Diagnostics.ToArray(),
            build.Explain()
        );
    }

    [TestMethod]
    public void InvalidUserSchemasFailTheBuild()
    {
        using var project = new ConsumerProject(
            """
            <ItemGroup>
              <UetSchema Include="schemas/*.json" />
            </ItemGroup>
            """
        );
        project.Write("schemas/meta.json", "{\n  \"type\": \"strng\"\n}");
        project.Write("schemas/remote.json", "{\n  \"$ref\": \"https://example.com/other.json\"\n}");
        var build = project.Build();
        Assert.AreEqual(1, build.ExitCode, build.Explain());
        CollectionAssert.AreEquivalent(
            new[] { "schemas/meta.json(2,11): error UET2001", "schemas/remote.json(2,11): error UET2004" },
            build.Diagnostics.ToArray(),
            build.Explain()
        );
    }

    [TestMethod]
    public void DocumentWithoutAKnownSchemaIsAWarning()
    {
        using var project = new ConsumerProject();
        project.Write("uet/notes.json", """{"anything": true}""");
        var build = project.Build();
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        CollectionAssert.AreEqual(
            new[] { "uet/notes.json(1,1): warning UET1301" },
            build.Diagnostics.ToArray(),
            build.Explain()
        );
    }

    [TestMethod]
    public void DefaultItemsCanBeMovedRemovedOrTurnedOff()
    {
        using var moved = new ConsumerProject(properties: "<UetDocumentsDirectory>specs/</UetDocumentsDirectory>");
        moved.Write("specs/broken.workstream.json", Samples.BrokenWorkstream);
        moved.Write("uet/ignored.workstream.json", Samples.BrokenWorkstream);
        var movedBuild = moved.Build();
        Assert.AreEqual(1, movedBuild.ExitCode, movedBuild.Explain());
        Assert.AreEqual(
            3,
            movedBuild.Diagnostics.Count(d => d.StartsWith("specs/broken.workstream.json(", StringComparison.Ordinal)),
            movedBuild.Explain()
        );
        Assert.AreEqual(3, movedBuild.Diagnostics.Count, "uet/ is no longer searched");

        using var removed = new ConsumerProject("""<ItemGroup><UetDocument Remove="uet/drafts/**" /></ItemGroup>""");
        removed.Write("uet/drafts/broken.workstream.json", Samples.BrokenWorkstream);
        removed.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        var build = removed.Build();
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        StringAssert.Contains(build.Output, "Uet: validated 1 document(s)", build.Explain());

        using var off = new ConsumerProject(
            properties: "<EnableDefaultUetDocumentItems>false</EnableDefaultUetDocumentItems>"
        );
        off.Write("uet/broken.workstream.json", Samples.BrokenWorkstream);
        var offBuild = off.Build();
        Assert.AreEqual(0, offBuild.ExitCode, offBuild.Explain());
        Assert.IsFalse(offBuild.Output.Contains("Uet:", StringComparison.Ordinal), offBuild.Explain());
    }

    [TestMethod]
    public void DesignTimeBuildsSkipTheGate()
    {
        using var project = new ConsumerProject();
        project.Write("uet/broken.workstream.json", Samples.BrokenWorkstream);
        var build = project.Build("-p:DesignTimeBuild=true");
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        Assert.AreEqual(0, build.Diagnostics.Count, build.Explain());
    }

    [TestMethod]
    public void ProjectWithoutDocumentsOrSchemasSkipsTheGate()
    {
        using var project = new ConsumerProject();
        project.Write("Library.cs", "namespace Consumer; public static class Library { }");
        var build = project.Build();
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        Assert.IsFalse(build.Output.Contains("Uet:", StringComparison.Ordinal), build.Explain());
        Assert.IsFalse(Directory.Exists(Path.Combine(project.Folder, "obj", "uet")));
    }

    [TestMethod]
    public void PackageCarriesTheTasksWithoutMSBuildsOwnAssemblies()
    {
        using var zip = ZipFile.OpenRead(
            Path.Combine(PackageFeed.With("Uet.Build.Tasks"), $"Uet.Build.Tasks.{PackageFeed.Version}.nupkg")
        );
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (
            var expected in (string[])
                [
                    "build/Uet.Build.Tasks.props",
                    "build/Uet.Build.Tasks.targets",
                    "tasks/net10.0/Uet.Build.Tasks.dll",
                    "tasks/net10.0/Uet.Validation.dll",
                    "tasks/net10.0/JsonSchema.Net.dll",
                    "tasks/net10.0/YamlDotNet.dll",
                    "schema/uet/workstream_spec.v1.json",
                    "README.md",
                    "diagnostics.md",
                ]
        )
        {
            CollectionAssert.Contains(entries, expected);
        }
        Assert.IsFalse(
            entries.Any(e => e.Contains("Microsoft.Build", StringComparison.Ordinal)),
            string.Join("\n", entries)
        );
        Assert.IsFalse(
            entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal)),
            "nothing may flow into the consumer's references"
        );
        Assert.AreEqual(17, entries.Count(e => e.StartsWith("schema/uet/", StringComparison.Ordinal)));
    }
}

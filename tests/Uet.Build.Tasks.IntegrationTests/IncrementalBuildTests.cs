namespace Uet.Build.Tasks.IntegrationTests;

/// <summary>An unchanged document with unchanged schemas is not validated again; a change re-validates what it affects.</summary>
[TestClass]
public sealed class IncrementalBuildTests
{
    [TestMethod]
    public void NoOpRebuildValidatesNothing()
    {
        using var project = new ConsumerProject();
        project.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        Assert.IsTrue(project.Build().ValidatedDocuments);
        var second = project.Build();
        Assert.AreEqual(0, second.ExitCode, second.Explain());
        Assert.IsTrue(second.SkippedDocumentTarget, second.Explain());
        Assert.IsFalse(second.ValidatedDocuments, second.Explain());
    }

    [TestMethod]
    public void MultiTargetingProjectValidatesOnceForAllItsTargetFrameworks()
    {
        using var project = new ConsumerProject(targetFrameworks: "net10.0;net10.0-browser");
        project.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        project.Write("uet/a.task.json", Samples.ValidTask);
        var build = project.Build();
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        // The inner builds share the stamps: the first validates, the next finds them up to date.
        Assert.AreEqual(1, build.Output.Split("Uet: validated 2 document(s)").Length - 1, build.Explain());
    }

    [TestMethod]
    public void FailingDocumentIsReportedAgainOnTheNextBuild()
    {
        using var project = new ConsumerProject();
        project.Write("uet/broken.workstream.json", Samples.BrokenWorkstream);
        var first = project.Build();
        var second = project.Build();
        Assert.AreEqual(1, second.ExitCode, second.Explain());
        CollectionAssert.AreEqual(first.Diagnostics.ToArray(), second.Diagnostics.ToArray());
    }

    [TestMethod]
    public void ChangingADocumentRevalidatesOnlyThatDocument()
    {
        using var project = new ConsumerProject();
        project.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        project.Write("uet/a.task.json", Samples.ValidTask);
        project.Build();
        project.Change("uet/a.task.json", """{"task_id": "a", "name": "A", "kind": 1}""");
        var build = project.Build();
        StringAssert.Contains(build.Output, "Uet: validated 1 document(s), 1 with problems", build.Explain());
        CollectionAssert.AreEqual(
            new[] { "uet/a.task.json(1,39): error UET1103" },
            build.Diagnostics.ToArray(),
            build.Explain()
        );
    }

    [TestMethod]
    public void ChangingASchemaRevalidatesTheDocumentsThatUseIt()
    {
        using var project = BuiltProjectWithAUserSchema();
        project.Change(
            "schemas/item.schema.json",
            Samples.ItemSchema.Replace("[\"name\"]", "[\"name\", \"price\"]", StringComparison.Ordinal)
        );
        var second = project.Build();
        Assert.AreEqual(1, second.ExitCode, second.Explain());
        CollectionAssert.AreEqual(
            new[] { "uet/item.json(1,1): error UET1101" },
            second.Diagnostics.ToArray(),
            second.Explain()
        );
        StringAssert.Contains(
            second.Output,
            "Uet: validated 1 document(s), 1 with problems; 1 unchanged",
            "the workstream does not use the changed schema"
        );
    }

    [TestMethod]
    public void TouchingASchemaRevalidatesTheDocumentsThatUseIt()
    {
        using var project = BuiltProjectWithAUserSchema();
        File.SetLastWriteTimeUtc(
            Path.Combine(project.Folder, "schemas/item.schema.json"),
            DateTime.UtcNow.AddSeconds(2)
        );
        var build = project.Build();
        Assert.AreEqual(0, build.ExitCode, build.Explain());
        StringAssert.Contains(
            build.Output,
            "Uet: validated 1 document(s), 0 with problems; 1 unchanged",
            build.Explain()
        );
    }

    [TestMethod]
    public void CleanRemovesTheStamps()
    {
        using var project = new ConsumerProject();
        project.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        project.Build();
        var stamps = Path.Combine(project.Folder, "obj", "uet", "documents");
        Assert.AreEqual(1, Directory.GetFiles(stamps).Length);
        var clean = project.Run("clean");
        Assert.AreEqual(0, clean.ExitCode, clean.Explain());
        Assert.IsFalse(
            Directory.Exists(Path.Combine(project.Folder, "obj", "uet")),
            "document and schema stamps are gone"
        );
    }

    /// <summary>A project whose uet/item.json follows a schema of its own and whose workstream follows a shipped one, built once, cleanly.</summary>
    private static ConsumerProject BuiltProjectWithAUserSchema()
    {
        var project = new ConsumerProject(
            """
            <ItemGroup>
              <UetSchema Include="schemas/item.schema.json" />
              <UetDocument Update="uet/item.json" Schema="schemas/item.schema.json" />
            </ItemGroup>
            """
        );
        project.Write("schemas/item.schema.json", Samples.ItemSchema);
        project.Write("uet/item.json", """{"name": "widget"}""");
        project.Write("uet/checkout.workstream.yaml", Samples.ValidWorkstream);
        var first = project.Build();
        Assert.AreEqual(0, first.ExitCode, first.Explain());
        return project;
    }
}

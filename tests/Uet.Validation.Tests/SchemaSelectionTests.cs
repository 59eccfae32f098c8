namespace Uet.Validation.Tests;

/// <summary>How a document's schema is chosen: item metadata, then $schema / schema_ref, then the file name.</summary>
[TestClass]
public sealed class SchemaSelectionTests
{
    private const string Task = """{"task_id": "a", "name": "A", "kind": "code"}""";

    [TestMethod]
    [DataRow("task_spec")]
    [DataRow("task_spec.v1")]
    [DataRow("task_spec.v1.json")]
    [DataRow("TASK_SPEC")]
    public void MetadataAcceptsEveryFormOfAShippedName(string name) =>
        Assert.AreEqual("", Gate.Validate("anything.json", Task, schema: name).Codes());

    [TestMethod]
    public void MetadataWinsOverTheFileName()
    {
        // Named like a workstream, but the metadata says task_spec: it validates as a task.
        Assert.AreEqual("", Gate.Validate("x.workstream.json", Task, schema: "task_spec").Codes());
    }

    [TestMethod]
    [DataRow("https://example.com/uet/schemas/task_spec.v1.json")]
    [DataRow("../schema/uet/task_spec.v1.json")]
    [DataRow("task_spec")]
    public void DollarSchemaNamesTheSchema(string reference) =>
        Assert.AreEqual(
            "",
            Gate.Validate(
                    "plain.json",
                    Task.Replace("{", $"{{\"$schema\": \"{reference}\", ", StringComparison.Ordinal)
                )
                .Codes()
        );

    [TestMethod]
    public void SchemaRefNamesTheSchema() =>
        Assert.AreEqual(
            "UET1101",
            Gate.Validate("plain.json", """{"schema_ref": "doc-meta.v1.json", "meta_version": "doc-meta.v1"}""")
                .Codes()
                .Split(',')[0]
        );

    [TestMethod]
    [DataRow("build.task.json")]
    [DataRow("build.task.yaml")]
    [DataRow("build.task_spec.json")]
    [DataRow("build.task_spec.v1.json")]
    public void FileNameConventionNamesTheSchema(string name) =>
        Assert.AreEqual(
            "UET1103",
            Gate.Validate(
                    name,
                    name.EndsWith(".yaml", StringComparison.Ordinal)
                        ? "task_id: a\nname: A\nkind: 7\n"
                        : """{"task_id": "a", "name": "A", "kind": 7}"""
                )
                .Codes()
        );

    [TestMethod]
    public void UndeterminedSchemaIsAWarningWithItsOwnCode()
    {
        var findings = Gate.Validate("notes.json", Task);
        Assert.AreEqual("UET1301", findings.Codes());
        Assert.AreEqual(Diagnostics.Severity.Warning, findings[0].Severity);
    }

    [TestMethod]
    public void UnknownSchemaNameIsAnError()
    {
        var findings = Gate.Validate("x.json", Task, schema: "taks_spec");
        Assert.AreEqual("UET1302", findings.Codes());
        StringAssert.Contains(findings[0].Message, "'taks_spec'");
    }

    [TestMethod]
    public void DollarSchemaNamingAnUndeclaredFileSaysHowToDeclareIt()
    {
        using var folder = new TempFolder();
        folder.Write("my.schema.json", "{}");
        var file = folder.Write("doc.json", """{"$schema": "my.schema.json"}""");
        var findings = new Verdicts.DocumentValidator(Gate.ShippedSchemas).Validate(file).Findings;
        Assert.AreEqual("UET1302@1:13", findings.Positions(), "at the $schema value");
        StringAssert.Contains(findings[0].Message, "<UetSchema Include=");
    }
}

using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.Validation.Tests;

/// <summary>The checks on the schemas themselves: shipped ones are clean, user ones get UET2xxx at the right place.</summary>
[TestClass]
public sealed class SchemaSetCheckTests
{
    [TestMethod]
    public void ShippedSchemasAreSeventeenAndClean()
    {
        Assert.AreEqual(17, ShippedSchemas.Names.Count);
        Assert.AreEqual(0, Gate.ShippedSchemas.Findings.Count, string.Join("\n", Gate.ShippedSchemas.Findings));
        Assert.AreEqual(17, Gate.ShippedSchemas.Sources.Count(s => s.IsShipped));
    }

    [TestMethod]
    public void WorkstreamReferenceToTaskSpecResolvesInsideTheSet()
    {
        var workstream = Gate.ShippedSchemas.Find(ShippedSchemas.UriOf("workstream_spec"))!;
        var reference = Gate.ShippedSchemas.ReferencesOf(workstream).Single(r => r.Text == "task_spec.v1.json");
        Assert.AreEqual(ShippedSchemas.UriOf("task_spec"), reference.Document);
        Assert.IsNotNull(Gate.ShippedSchemas.Find(reference.Document));
    }

    [TestMethod]
    public void SchemaThatBreaksTheMetaSchemaIsReportedAtTheKeyword()
    {
        using var folder = new TempFolder();
        var file = folder.Write(
            "schemas/bad.json",
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {\"minLength\": -1}\n  }\n}"
        );
        var set = SchemaSetLoader.Load([file]);
        Assert.AreEqual("UET2001@4:24", set.Findings.Positions());
        StringAssert.StartsWith(set.Findings[0].Message, "not a valid draft-07 schema:");
        Assert.AreEqual(file, set.Findings[0].File);
    }

    [TestMethod]
    public void MisspeltTypeNameIsAMetaSchemaError()
    {
        using var folder = new TempFolder();
        var set = SchemaSetLoader.Load([folder.Write("s/bad.json", "{\"type\": \"strin\"}")]);
        Assert.AreEqual("UET2001@1:10", set.Findings.Positions());
    }

    [TestMethod]
    public void RefToAMissingFileIsUnresolved()
    {
        using var folder = new TempFolder();
        var set = SchemaSetLoader.Load([
            folder.Write("s/a.json", "{\n  \"properties\": {\"x\": {\"$ref\": \"missing.json\"}}\n}"),
        ]);
        Assert.AreEqual("UET2002@2:32", set.Findings.Positions());
        StringAssert.Contains(set.Findings[0].Message, "missing.json, which does not exist");
    }

    [TestMethod]
    public void RefToAMissingDefinitionIsUnresolved()
    {
        using var folder = new TempFolder();
        var set = SchemaSetLoader.Load([
            folder.Write("s/a.json", "{\"definitions\": {\"x\": {}}, \"$ref\": \"#/definitions/y\"}"),
        ]);
        Assert.AreEqual("UET2002", set.Findings.Codes());
        StringAssert.Contains(set.Findings[0].Message, "names /definitions/y, which does not exist");
    }

    [TestMethod]
    public void SiblingFileNamedByRefIsLoadedAndUsed()
    {
        using var folder = new TempFolder();
        var main = folder.Write(
            "s/main.json",
            """{"type": "object", "properties": {"item": {"$ref": "item.json#/definitions/thing"}}}"""
        );
        folder.Write("s/item.json", """{"definitions": {"thing": {"type": "integer"}}}""");
        var set = SchemaSetLoader.Load([main]);
        Assert.AreEqual(0, set.Findings.Count, string.Join("\n", set.Findings));
        var document = folder.Write("doc.json", """{"item": "not a number"}""");
        var findings = new DocumentValidator(set).Validate(document, main).Findings;
        Assert.AreEqual("UET1103", findings.Codes(), "the cross-file $ref must be followed, not silently passed");
    }

    [TestMethod]
    public void RemoteRefIsRefusedWithItsOwnCode()
    {
        using var folder = new TempFolder();
        var set = SchemaSetLoader.Load([
            folder.Write("s/a.json", """{"$ref": "https://example.com/schemas/thing.json"}"""),
        ]);
        Assert.AreEqual("UET2004", set.Findings.Codes());
        StringAssert.Contains(set.Findings[0].Message, "never fetches");
    }

    [TestMethod]
    public void RefOutsideTheSchemaFoldersIsRefused()
    {
        using var folder = new TempFolder();
        folder.Write("elsewhere/x.json", "{}");
        var set = SchemaSetLoader.Load([folder.Write("s/a.json", """{"$ref": "../elsewhere/x.json"}""")]);
        Assert.AreEqual("UET2005", set.Findings.Codes());
    }

    [TestMethod]
    public void DuplicateIdIsReported()
    {
        using var folder = new TempFolder();
        var set = SchemaSetLoader.Load([
            folder.Write("s/a.json", """{"$id": "https://example.com/same.json"}"""),
            folder.Write("s/b.json", """{"$id": "https://example.com/same.json"}"""),
        ]);
        Assert.AreEqual("UET2003", set.Findings.Codes());
        StringAssert.EndsWith(set.Findings[0].File, "b.json");
    }

    [TestMethod]
    public void UserSchemaMayReferToAShippedSchemaByItsId()
    {
        using var folder = new TempFolder();
        var set = SchemaSetLoader.Load([
            folder.Write(
                "s/a.json",
                """{"type": "object", "properties": {"task": {"$ref": "https://uet.invalid/schemas/v1/task_spec.v1.json"}}}"""
            ),
        ]);
        Assert.AreEqual(0, set.Findings.Count, string.Join("\n", set.Findings));
    }

    [TestMethod]
    public void MalformedSchemaFileIsReportedAndMarksTheSchemaBroken()
    {
        using var folder = new TempFolder();
        var schema = folder.Write("s/a.json", "{\n  \"type\": \"object\",,\n}");
        var set = SchemaSetLoader.Load([schema]);
        Assert.AreEqual("UET2006@2:20", set.Findings.Positions());
        var findings = new DocumentValidator(set).Validate(folder.Write("d.json", "{}"), schema).Findings;
        Assert.AreEqual("UET1303", findings.Codes(), "a document is not judged against a broken schema");
    }

    [TestMethod]
    public void SchemaChangesChangeTheFingerprintOfSchemasThatReferToIt()
    {
        using var folder = new TempFolder();
        var main = folder.Write("s/main.json", """{"properties": {"item": {"$ref": "item.json"}}}""");
        var other = folder.Write("s/other.json", """{"type": "object"}""");
        folder.Write("s/item.json", """{"type": "integer"}""");
        var before = SchemaSetLoader.Load([main, other]);
        folder.Write("s/item.json", """{"type": "string"}""");
        var after = SchemaSetLoader.Load([main, other]);
        string Print(SchemaSet set, string file) => set.Fingerprint(set.Sources.Single(s => s.FilePath == file));
        Assert.AreNotEqual(Print(before, main), Print(after, main));
        Assert.AreEqual(Print(before, other), Print(after, other));
    }

    [TestMethod]
    public void RelativeRefReachesASiblingThatHasAnAbsoluteId()
    {
        using var folder = new TempFolder();
        var main = folder.Write("s/main.json", """{"properties": {"n": {"$ref": "number.json"}}}""");
        folder.Write("s/number.json", """{"$id": "https://example.com/schemas/number.json", "type": "number"}""");
        var set = SchemaSetLoader.Load([main]);
        Assert.AreEqual(0, set.Findings.Count, string.Join("\n", set.Findings));
        var findings = new DocumentValidator(set).Validate(folder.Write("d.json", """{"n": "seven"}"""), main).Findings;
        Assert.AreEqual("UET1103", findings.Codes());
    }

    [TestMethod]
    public void SchemaThatRefersToItselfIsReportedAndNotUsed()
    {
        using var folder = new TempFolder();
        var schema = folder.Write("s/loop.json", """{"$ref": "#"}""");
        var set = SchemaSetLoader.Load([schema]);
        Assert.AreEqual("UET2001@1:1", set.Findings.Positions());
        StringAssert.Contains(set.Findings[0].Message, "cannot be evaluated");
        var findings = new DocumentValidator(set).Validate(folder.Write("d.json", "{}"), schema).Findings;
        Assert.AreEqual("UET1303", findings.Codes());
    }

    [TestMethod]
    public void ValidatorFailureOnOneDocumentIsAFindingNotAnException()
    {
        // An unchecked set lets the self-referencing schema through to evaluation, where JsonSchema.Net throws.
        using var folder = new TempFolder();
        var set = SchemaSetLoader.FromDocuments([
            (new Uri("https://example.com/loop.json"), "{\"$ref\": \"#\"}"u8.ToArray()),
        ]);
        var findings = new DocumentValidator(set)
            .Validate(folder.Write("d.json", "{}"), "https://example.com/loop.json")
            .Findings;
        Assert.AreEqual("UET0002@1:1", findings.Positions());
        StringAssert.Contains(findings[0].Message, "the validator failed on this document");
    }

    [TestMethod]
    public void CatastrophicPatternIsStoppedAndReportedInsteadOfHangingTheBuild()
    {
        using var folder = new TempFolder();
        var schema = folder.Write(
            "s/slow.json",
            """
            {"$schema": "http://json-schema.org/draft-07/schema#",
             "properties": {"a": {"pattern": "^(a+)+$"}, "b": {"pattern": "^(a+)+$"}, "c": {"patternProperties": {"^(x+)+$": {}}}}}
            """
        );
        var set = SchemaSetLoader.Load([schema]);
        Assert.AreEqual(0, set.Findings.Count, string.Join("\n", set.Findings));
        var evil = new string('a', 40) + "!";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var findings = new DocumentValidator(set)
            .Validate(
                folder.Write(
                    "d.json",
                    $"{{\"a\": \"{evil}\", \"b\": \"{evil}\", \"c\": {{\"{new string('x', 40)}!\": 1}}, \"ok\": \"aaa\"}}"
                ),
                schema
            )
            .Findings;
        Assert.AreEqual("UET2007,UET2007,UET2007", findings.Codes(), string.Join("\n", findings));
        StringAssert.Contains(findings[0].Message, "the schema's pattern ^(a+)+$ took longer than 250 ms");
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [TestMethod]
    public void PatternsStillMatchNormally()
    {
        using var folder = new TempFolder();
        var schema = folder.Write(
            "s/p.json",
            """{"properties": {"a": {"pattern": "^[a-z]+$"}}, "patternProperties": {"^x-": {"type": "integer"}}}"""
        );
        var set = SchemaSetLoader.Load([schema]);
        var findings = new DocumentValidator(set)
            .Validate(folder.Write("d.json", """{"a": "Abc", "x-count": "two"}"""), schema)
            .Findings;
        Assert.AreEqual("UET1105,UET1103", findings.Codes(), string.Join("\n", findings));
    }
}

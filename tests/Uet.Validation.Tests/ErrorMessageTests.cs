namespace Uet.Validation.Tests;

/// <summary>Each schema rule gives its own code, points at the offending value and says what was expected and what was found.</summary>
[TestClass]
public sealed class ErrorMessageTests
{
    private const string Ulid = "01J9Z8Y7X6W5V4T3S2R1Q0P9N8";

    private static string Event(string overrides) =>
        "{\n  \"event_id\": \""
        + Ulid
        + "\",\n  \"run_id\": \""
        + Ulid
        + "\",\n  \"ts\": \"2026-11-29T10:00:00Z\",\n  \"kind\": \"note\""
        + overrides
        + "\n}";

    [TestMethod]
    public void MissingRequiredKeyPointsAtTheObjectAndNamesTheKey()
    {
        var findings = Gate.Validate(
            "e.event.json",
            "{\n  \"event_id\": \"" + Ulid + "\",\n  \"ts\": \"2026-11-29T10:00:00Z\",\n  \"kind\": \"note\"\n}"
        );
        Assert.AreEqual("UET1101@1:1", findings.Positions());
        Assert.AreEqual("missing required key 'run_id' in the document root", findings[0].Message);
        Assert.AreEqual("", findings[0].Pointer);
    }

    [TestMethod]
    public void MissingKeyInsideAnArrayItemNamesTheItem()
    {
        var findings = Gate.Validate(
            "w.workstream.yaml",
            "workstream_id: w\nproject_id: p\nphase_id: ph\nname: n\nobjective: o\ntasks:\n  - task_id: a\n    kind: code\n"
        );
        Assert.AreEqual("UET1101@7:5", findings.Positions());
        Assert.AreEqual("missing required key 'name' in the object at /tasks/0", findings[0].Message);
    }

    [TestMethod]
    public void UnexpectedKeyPointsAtTheKeyAndListsTheAllowedOnes()
    {
        var findings = Gate.Validate("e.event.json", Event(",\n  \"kinds\": \"typo\""));
        Assert.AreEqual("UET1102@6:3", findings.Positions());
        StringAssert.StartsWith(
            findings[0].Message,
            "unexpected key 'kinds' at /kinds; allowed keys: $schema, doc_id, event_id, run_id, step_attempt_id, ts, kind and payload"
        );
    }

    [TestMethod]
    public void WrongTypeSaysExpectedAndFound()
    {
        var findings = Gate.Validate("e.event.json", Event(",\n  \"payload\": [1, 2]"));
        Assert.AreEqual("UET1103@6:14", findings.Positions());
        Assert.AreEqual("'payload' at /payload: expected an object, found an array of 2 items", findings[0].Message);
    }

    [TestMethod]
    public void NullableTypeListsBothTypes()
    {
        var findings = Gate.Validate("e.event.json", Event(",\n  \"step_attempt_id\": 5"));
        Assert.AreEqual(
            "'step_attempt_id' at /step_attempt_id: expected a string or null, found integer 5",
            findings[0].Message
        );
    }

    [TestMethod]
    public void EnumErrorListsTheAllowedValues()
    {
        var findings = Gate.Validate(
            "e.event.json",
            Event("").Replace("\"note\"", "\"nope\"", StringComparison.Ordinal)
        );
        Assert.AreEqual("UET1104@5:11", findings.Positions());
        StringAssert.StartsWith(
            findings[0].Message,
            "'kind' at /kind: expected one of \"run_created\", \"run_started\", "
        );
        StringAssert.EndsWith(
            findings[0].Message,
            "\"worker_quarantined\" or \"worker_crashed\"; found string \"nope\""
        );
    }

    [TestMethod]
    public void ConstErrorShowsTheConstant()
    {
        var findings = Gate.Validate("m.json", "{\"meta_version\": \"doc-meta.v2\"}", schema: "doc-meta");
        Assert.IsTrue(
            findings.Any(f =>
                f.Code == "UET1104"
                && f.Message
                    == "'meta_version' at /meta_version: expected \"doc-meta.v1\"; found string \"doc-meta.v2\""
            ),
            string.Join("\n", findings)
        );
    }

    [TestMethod]
    public void UlidPatternErrorExplainsTheAlphabet()
    {
        var findings = Gate.Validate(
            "e.event.json",
            Event("")
                .Replace("\"run_id\": \"" + Ulid, "\"run_id\": \"01J9Z8Y7X6W5V4T3S2R1Q0P9NU", StringComparison.Ordinal)
        );
        Assert.AreEqual("UET1105@3:13", findings.Positions());
        StringAssert.Contains(findings[0].Message, "expected a ULID (26 characters of Crockford base32");
    }

    [TestMethod]
    public void UlidWhoseTimeOverflowsHasItsOwnCode()
    {
        var findings = Gate.Validate(
            "e.event.json",
            Event("").Replace("\"run_id\": \"0", "\"run_id\": \"Z", StringComparison.Ordinal)
        );
        Assert.AreEqual("UET1204@3:13", findings.Positions());
        StringAssert.Contains(findings[0].Message, "time part exceeds 48 bits");
    }

    [TestMethod]
    [DataRow("2024")]
    [DataRow("2024-02-31T25:00:00Z")]
    [DataRow("2024-05-01 12:00:00")]
    public void DateTimeMustBeRfc3339(string value)
    {
        var findings = Gate.Validate(
            "e.event.json",
            Event("").Replace("2026-11-29T10:00:00Z", value, StringComparison.Ordinal)
        );
        Assert.AreEqual("UET1105", findings.Codes());
        StringAssert.Contains(findings[0].Message, "expected an RFC 3339 date-time");
    }

    [TestMethod]
    public void RangeErrorsGiveTheBoundAndTheValue()
    {
        var findings = Gate.Validate(
            "d.json",
            """{"project_root": ".", "project_name": "", "domain": "mixed", "domain_confidence": 1.5, "languages": [], "resource_types": [], "available_tools": []}""",
            schema: "bootstrap_discovery"
        );
        Assert.AreEqual("UET1106,UET1106", findings.Codes());
        Assert.AreEqual("'project_name' at /project_name: expected at least 1 character; found 0", findings[0].Message);
        Assert.AreEqual(
            "'domain_confidence' at /domain_confidence: expected a number of at most 1; found number 1.5",
            findings[1].Message
        );
    }

    [TestMethod]
    public void EveryErrorOfAFileIsReportedInFileOrder()
    {
        var findings = Gate.Validate(
            "e.event.json",
            "{\"event_id\": 1, \"run_id\": 2, \"ts\": 3, \"kind\": 4, \"extra\": 5}"
        );
        Assert.AreEqual("UET1103,UET1103,UET1103,UET1103,UET1102", findings.Codes());
        CollectionAssert.AreEqual(findings.OrderBy(f => f.Position.Column).ToList(), findings.ToList());
    }

    [TestMethod]
    public void OneOfFailureListsEachAlternative()
    {
        using var folder = new TempFolder();
        var schema = folder.Write(
            "s/contact.json",
            """
            {"type": "object", "properties": {"contact": {"oneOf": [
              {"type": "string", "format": "email"},
              {"type": "object", "required": ["phone"]}
            ]}}}
            """
        );
        var set = Schemas.SchemaSetLoader.Load([schema]);
        var findings = new Verdicts.DocumentValidator(set)
            .Validate(folder.Write("d.json", """{"contact": {"fax": "1"}}"""), schema)
            .Findings;
        Assert.AreEqual("UET1107@1:13", findings.Positions());
        Assert.AreEqual(
            "'contact' at /contact: matches none of the 2 allowed forms: (1) 'contact' at /contact: expected a string, found an object; (2) missing required key 'phone' in the object at /contact",
            findings[0].Message
        );
    }
}

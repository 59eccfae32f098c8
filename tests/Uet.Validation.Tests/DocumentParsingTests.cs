using System.Globalization;
using System.Text;

namespace Uet.Validation.Tests;

/// <summary>Malformed, empty, oddly encoded and hostile files: each gets one clear finding at the right place, never a crash.</summary>
[TestClass]
public sealed class DocumentParsingTests
{
    private const string ValidTask = """{"task_id": "a", "name": "A", "kind": "code"}""";

    [TestMethod]
    public void MalformedJsonIsReportedWhereItBreaks()
    {
        var findings = Gate.Validate(
            "x.task.json",
            "{\n  \"task_id\": \"a\",\n  \"name\": \"A\"\n  \"kind\": \"code\"\n}"
        );
        Assert.AreEqual("UET1001@4:3", findings.Positions());
        StringAssert.StartsWith(findings[0].Message, "invalid JSON:");
        Assert.IsFalse(
            findings[0].Message.Contains("LineNumber", StringComparison.Ordinal),
            "the position is in the diagnostic, not repeated in the text"
        );
    }

    [TestMethod]
    public void MalformedYamlIsReportedWhereItBreaks()
    {
        var findings = Gate.Validate("x.task.yaml", "task_id: a\nname: [unclosed\nkind: code\n");
        Assert.AreEqual("UET1001", findings.Codes());
        Assert.AreEqual(2, findings[0].Position.Line, "the line of the unclosed bracket");
    }

    [TestMethod]
    [DataRow("x.task.json", "")]
    [DataRow("x.task.json", "  \n\t\r\n")]
    [DataRow("x.task.yaml", "")]
    [DataRow("x.task.yaml", "# only a comment\n")]
    public void EmptyDocumentsAreReported(string name, string content) =>
        Assert.AreEqual("UET1002", Gate.Validate(name, content).Codes());

    [TestMethod]
    public void Utf8ByteOrderMarkIsAccepted() =>
        Assert.AreEqual("", Gate.Validate("x.task.json", "\uFEFF" + ValidTask).Codes());

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Utf16IsDecodedWithTheRightLineNumbers(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var text = "{\n  \"task_id\": \"a\",\n  \"name\": \"A\",\n  \"kind\": 7\n}";
        using var folder = new TempFolder();
        var file = folder.Write("x.task.json", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        var findings = new Verdicts.DocumentValidator(Gate.ShippedSchemas).Validate(file).Findings;
        Assert.AreEqual("UET1103@4:11", findings.Positions());
    }

    [TestMethod]
    public void InvalidUtf8IsReportedNotGuessed()
    {
        using var folder = new TempFolder();
        var file = folder.Write(
            "x.task.json",
            [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']
        );
        var findings = new Verdicts.DocumentValidator(Gate.ShippedSchemas).Validate(file).Findings;
        Assert.AreEqual("UET1004", findings.Codes());
    }

    [TestMethod]
    public void ColumnsCountCharactersNotBytes()
    {
        // "é" and "日本" take 2 and 6 bytes; the column of the bad value must count them as 1 and 2 characters.
        var findings = Gate.Validate("x.task.json", "{\"name\": \"é日本\", \"task_id\": \"a\", \"kind\": 7}");
        Assert.AreEqual("UET1103@1:41", findings.Positions());
    }

    [TestMethod]
    public void DuplicateKeysAreMalformed()
    {
        Assert.AreEqual(
            "UET1001",
            Gate.Validate("x.task.json", """{"task_id": "a", "task_id": "b", "name": "A", "kind": "k"}""").Codes()
        );
        Assert.AreEqual(
            "UET1001@2:1",
            Gate.Validate("x.task.yaml", "task_id: a\ntask_id: b\nname: A\nkind: k\n").Positions()
        );
    }

    [TestMethod]
    [DataRow("x.task.json")]
    [DataRow("x.task.yaml")]
    public void TenThousandLevelsOfNestingAreRefusedWithoutCrashing(string name)
    {
        var deep = name.EndsWith(".json", StringComparison.Ordinal)
            ? "{\"task_id\": " + new string('[', 10_000) + new string(']', 10_000) + "}"
            : "task_id: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        var findings = Gate.Validate(name, deep);
        Assert.AreEqual("UET1003", findings.Codes());
        Assert.AreEqual(1, findings[0].Position.Line);
    }

    [TestMethod]
    public void YamlAliasBombIsStoppedWithAClearError()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append(
                CultureInfo.InvariantCulture,
                $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
            );
        }

        var findings = Gate.Validate("x.task.yaml", yaml.ToString());
        Assert.AreEqual("UET1004", findings.Codes());
        StringAssert.Contains(findings[0].Message, "aliases");
    }

    [TestMethod]
    public void YamlMergeChainsCannotMultiplyWithoutEnd()
    {
        // Each level merges the one below ten times: 10^9 merges unless repeats are dropped and work is budgeted.
        var yaml = new StringBuilder("m0: &m0 {k: v}\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append(
                CultureInfo.InvariantCulture,
                $"m{i}: &m{i} {{<<: [{string.Join(", ", Enumerable.Repeat($"*m{i - 1}", 10))}], k{i}: v}}\n"
            );
        }

        yaml.Append("task_id: a\nname: A\nkind: code\n<<: *m9\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var findings = Gate.Validate("x.task.yaml", yaml.ToString());
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.IsTrue(findings.All(f => f.Code == "UET1102"), string.Join("\n", findings));
    }

    [TestMethod]
    public void YamlAliasesExpandToTheAnchoredValue()
    {
        var findings = Gate.Validate("x.task.yaml", "task_id: &id build\nname: *id\nkind: *id\ndepends_on: [*id]\n");
        Assert.AreEqual("", findings.Codes());
    }

    [TestMethod]
    public void YamlMergeKeysMergeUnderTheMappingsOwnKeys()
    {
        // base gives kind and name; the task's own name wins; a later source loses to an earlier one.
        var yaml =
            "x-base: &base {kind: code, name: from-base}\nx-more: &more {kind: test, prompt_template_ref: t}\n"
            + "task_id: a\nname: own\n<<: [*base, *more]\n";
        using var folder = new TempFolder();
        var outcome = Documents.DocumentParser.Parse(
            folder.Write("x.yaml", yaml),
            System.Text.Encoding.UTF8.GetBytes(yaml)
        );
        using var document = outcome.Document!;
        Assert.AreEqual("own", document.Root.GetProperty("name").GetString());
        Assert.AreEqual("code", document.Root.GetProperty("kind").GetString());
        Assert.AreEqual("t", document.Root.GetProperty("prompt_template_ref").GetString());
        Assert.IsFalse(document.Root.TryGetProperty("<<", out _));
    }

    [TestMethod]
    public void YamlMergedMappingMayMergeInTurn()
    {
        // The root merges b, which merges a: kind comes through two merges. Only the anchors' own keys are unexpected.
        var findings = Gate.Validate(
            "x.task.yaml",
            "a: &a {kind: code}\nb: &b {<<: *a, name: B}\ntask_id: t\n<<: *b\n"
        );
        Assert.AreEqual("UET1102@1:1 UET1102@2:1", findings.Positions(), string.Join("\n", findings));
    }

    [TestMethod]
    public void MergedValuesAreCheckedAndPointAtTheMergeKey()
    {
        var findings = Gate.Validate(
            "x.task.yaml",
            "x-def: &x {max_attempts: 0}\ntask_id: a\nname: A\nkind: code\nexecution: {<<: *x}\n"
        );
        Assert.AreEqual("UET1102@1:1 UET1106@5:13", findings.Positions(), string.Join("\n", findings));
        Assert.AreEqual("/execution/max_attempts", findings[1].Pointer);
    }

    [TestMethod]
    public void AliasBeforeItsAnchorIsMalformed() =>
        Assert.AreEqual(
            "UET1001",
            Gate.Validate(
                    "x.task.yaml",
                    "task_id: a\nname: A\nkind: code\nexecution: {<<: *x}\nx-def: &x {max_attempts: 0}\n"
                )
                .Codes()
        );

    [TestMethod]
    [DataRow("task_id: a\nname: A\nkind: code\n<<: plain\n")]
    [DataRow("s: &s [1, 2]\ntask_id: a\nname: A\nkind: code\n<<: *s\n")]
    [DataRow("b: &b {kind: code}\ntask_id: a\nname: A\n<<: *b\n<<: *b\n")]
    public void MergeKeyOfSomethingElseThanAMappingIsMalformed(string yaml) =>
        Assert.AreEqual("UET1001", Gate.Validate("x.task.yaml", yaml).Codes());

    [TestMethod]
    public void QuotedMergeKeyIsAnOrdinaryKey() =>
        Assert.AreEqual(
            "UET1102",
            Gate.Validate("x.task.yaml", "task_id: a\nname: A\nkind: code\n\"<<\": 1\n").Codes()
        );

    [TestMethod]
    public void SecondYamlDocumentInOneFileIsRefused() =>
        Assert.AreEqual(
            "UET1001",
            Gate.Validate("x.task.yaml", "task_id: a\nname: A\nkind: k\n---\ntask_id: b\n").Codes()
        );

    [TestMethod]
    public void YamlScalarsAreTypedByTheCoreSchema()
    {
        // Quoted "7" is a string; plain 7 an integer; yes stays a string in YAML 1.2; ~ is null.
        var findings = Gate.Validate("x.task.yaml", "task_id: \"7\"\nname: yes\nkind: 7\nprompt_template_ref: ~\n");
        Assert.AreEqual("UET1103@3:7 UET1103@4:22", findings.Positions());
        StringAssert.Contains(findings[0].Message, "found integer 7");
        StringAssert.Contains(findings[1].Message, "found null");
    }

    [TestMethod]
    public void FiftyMegabyteDocumentIsValidated()
    {
        var findings = Gate.Validate(
            "big.workstream.json",
            LargeWorkstream(50 * 1024 * 1024, out _, lastTask: """{"task_id": "last", "name": "L", "kind": "code"}""")
        );
        Assert.AreEqual("", findings.Codes());
    }

    [TestMethod]
    public void FiftyMegabyteDocumentBrokenAtTheEndIsReportedThere()
    {
        var json = LargeWorkstream(
            50 * 1024 * 1024,
            out var lines,
            lastTask: """{"task_id": "last", "name": "L", "kind": "code"}"""
        );
        var findings = Gate.Validate("big.workstream.json", json[..json.LastIndexOf('}')]);
        Assert.AreEqual("UET1001", findings.Codes());
        Assert.AreEqual(lines, findings[0].Position.Line);
    }

    [TestMethod]
    public void SchemaErrorDeepInALargeDocumentIsLocated()
    {
        var findings = Gate.Validate(
            "big.workstream.json",
            LargeWorkstream(
                5 * 1024 * 1024,
                out var lines,
                lastTask: """{"task_id": "last", "name": "L", "kind": false}"""
            )
        );
        Assert.AreEqual($"UET1103@{lines - 2}:46", findings.Positions());
    }

    /// <summary>A workstream of at least <paramref name="size"/> bytes, one task a line, a chain of dependencies, ending with <paramref name="lastTask"/>.</summary>
    private static string LargeWorkstream(int size, out int lineCount, string lastTask)
    {
        var json = new StringBuilder(
            "{\n  \"workstream_id\": \"w\", \"project_id\": \"p\", \"phase_id\": \"ph\", \"name\": \"big\", \"objective\": \"o\",\n  \"tasks\": [\n"
        );
        for (var i = 0; json.Length < size; i++)
        {
            var dependsOn = i > 0 ? $"\"t{i - 1}\"" : "";
            json.Append(
                CultureInfo.InvariantCulture,
                $"    {{\"task_id\": \"t{i}\", \"name\": \"Task number {i} with some descriptive text\", \"kind\": \"code\", \"depends_on\": [{dependsOn}]}},\n"
            );
        }
        json.Append("    ").Append(lastTask).Append("\n  ]\n}\n");
        var text = json.ToString();
        lineCount = text.Count(c => c == '\n');
        return text;
    }
}

using Microsoft.Build.Utilities;

namespace Uet.Build.Tasks.Tests;

/// <summary>The tasks on their own: settings, severities, caps, stamps, and an Execute that never throws.</summary>
[TestClass]
public sealed class TaskTests
{
    private const string BadTask = "{\n  \"task_id\": \"a\",\n  \"name\": \"A\",\n  \"kind\": 7\n}";

    private static (ValidateUetDocuments Task, RecordingBuildEngine Engine) DocumentsTask(
        TempFolder folder,
        params string[] documents
    )
    {
        var engine = new RecordingBuildEngine();
        var task = new ValidateUetDocuments
        {
            BuildEngine = engine,
            ProjectDirectory = folder.Path,
            Documents = documents
                .Select(d => new TaskItem(d, new Dictionary<string, string> { ["StampFile"] = d + ".stamp" }))
                .ToArray(),
        };
        return (task, engine);
    }

    [TestMethod]
    public void ErrorsAreCanonicalDiagnosticsAndFailTheTask()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.task.json", BadTask);
        var (task, engine) = DocumentsTask(folder, file);
        Assert.IsFalse(task.Execute());
        Assert.AreEqual(
            $"{file}(4,11): error UET1103: 'kind' at /kind: expected a string, found integer 7",
            engine.Diagnostics.Single()
        );
        Assert.IsFalse(
            File.Exists(file + ".stamp"),
            "a failing document gets no stamp, so it is checked again next build"
        );
    }

    [TestMethod]
    public void EveryDiagnosticLinksToItsCode()
    {
        using var folder = new TempFolder();
        var (task, engine) = DocumentsTask(folder, folder.Write("a.task.json", BadTask));
        task.HelpDocument = Path.Combine(folder.Path, "README.md");
        task.Execute();
        Assert.AreEqual(1, engine.Errors.Count, string.Join("\n", engine.Diagnostics));
        Assert.AreEqual(
            new Uri(Path.Combine(folder.Path, "README.md")).AbsoluteUri + "#uet1103",
            engine.Errors.Single().HelpLink
        );
    }

    [TestMethod]
    public void WarningModeReportsTheSameFindingsAsWarningsAndPasses()
    {
        using var folder = new TempFolder();
        var (task, engine) = DocumentsTask(folder, folder.Write("a.task.json", BadTask));
        task.Gate = "Warning";
        Assert.IsTrue(task.Execute());
        Assert.AreEqual(0, engine.Errors.Count);
        Assert.AreEqual("UET1103", engine.Warnings.Single().Code);
    }

    [TestMethod]
    public void OffModeDoesNothing()
    {
        using var folder = new TempFolder();
        var (task, engine) = DocumentsTask(folder, folder.Write("a.task.json", BadTask));
        task.Gate = "off";
        Assert.IsTrue(task.Execute());
        Assert.AreEqual(0, engine.Diagnostics.Count());
    }

    [TestMethod]
    [DataRow("errors")]
    [DataRow("1")]
    [DataRow("strict")]
    public void UnknownGateValueIsASettingError(string value)
    {
        using var folder = new TempFolder();
        var (task, engine) = DocumentsTask(folder, folder.Write("a.task.json", BadTask));
        task.Gate = value;
        Assert.IsFalse(task.Execute());
        Assert.AreEqual("UET0001", engine.Errors.Single().Code);
        StringAssert.Contains(engine.Errors.Single().Message, "expected error, warning or off");
    }

    [TestMethod]
    [DataRow("twenty")]
    [DataRow("-1")]
    [DataRow("2.5")]
    public void UnreadableErrorLimitIsASettingError(string value)
    {
        using var folder = new TempFolder();
        var (task, engine) = DocumentsTask(folder, folder.Write("a.task.json", BadTask));
        task.MaxErrorsPerFile = value;
        Assert.IsFalse(task.Execute());
        Assert.AreEqual(
            $"test.csproj(0,0): error UET0001: UetMaxErrorsPerFile is '{value}'; expected a whole number (0 lists every problem)",
            engine.Diagnostics.Single()
        );
    }

    [TestMethod]
    [DataRow("Shema")]
    [DataRow("Schemas")]
    [DataRow("scheme")]
    public void MisspeltSchemaMetadataIsAWarningThatNamesIt(string name)
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.json", """{"task_id": "a", "name": "A", "kind": "code"}""");
        var engine = new RecordingBuildEngine();
        var task = new ValidateUetDocuments
        {
            BuildEngine = engine,
            Documents = [new TaskItem(file, new Dictionary<string, string> { [name] = "task_spec" })],
        };
        task.Execute();
        var warning = engine.Warnings.First();
        Assert.AreEqual("UET0003", warning.Code);
        Assert.AreEqual(
            $"UetDocument '{file}' has metadata '{name}'; did you mean 'Schema'? It is ignored",
            warning.Message
        );
        Assert.AreEqual("UET1301", engine.Warnings[1].Code, "without Schema the document's schema stays unknown");
    }

    [TestMethod]
    public void UnrelatedMetadataIsNotMistakenForATypo()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.task.json", """{"task_id": "a", "name": "A", "kind": "code"}""");
        var engine = new RecordingBuildEngine();
        var task = new ValidateUetDocuments
        {
            BuildEngine = engine,
            Documents =
            [
                new TaskItem(
                    file,
                    new Dictionary<string, string>
                    {
                        ["Link"] = "x",
                        ["Visible"] = "false",
                        ["Owner"] = "me",
                    }
                ),
            ],
        };
        Assert.IsTrue(task.Execute());
        Assert.AreEqual(0, engine.Warnings.Count);
    }

    [TestMethod]
    public void CleanDocumentGetsAStampWithItsSchemaFingerprint()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.task.json", """{"task_id": "a", "name": "A", "kind": "code"}""");
        var (task, engine) = DocumentsTask(folder, file);
        Assert.IsTrue(task.Execute());
        StringAssert.StartsWith(
            File.ReadAllText(file + ".stamp"),
            "https://uet.invalid/schemas/v1/task_spec.v1.json\n"
        );

        var (again, engineAgain) = DocumentsTask(folder, file);
        Assert.IsTrue(again.Execute());
        Assert.IsTrue(
            engineAgain.Messages.Any(m =>
                m.Message!.Contains("validated 0 document(s), 0 with problems; 1 unchanged", StringComparison.Ordinal)
            ),
            "an unchanged document with an unchanged schema keeps its verdict"
        );
    }

    [TestMethod]
    public void CapListsTheFirstFindingsAndCountsTheRest()
    {
        using var folder = new TempFolder();
        var file = folder.Write(
            "a.task.json",
            "{" + string.Join(", ", Enumerable.Range(0, 25).Select(i => $"\"x{i}\": {i}")) + "}"
        );
        var (task, engine) = DocumentsTask(folder, file);
        task.MaxErrorsPerFile = "3";
        task.Execute();
        // Three required keys are missing (reported at the root, line 1) and 25 keys are unexpected: 28 in all.
        Assert.AreEqual("UET1101,UET1101,UET1101,UET1010", string.Join(",", engine.Errors.Select(e => e.Code)));
        StringAssert.StartsWith(engine.Errors[3].Message, "25 more problems");
    }

    [TestMethod]
    public void ExecuteNeverThrowsEvenOnADirectoryGivenAsADocument()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "dir.task.json"));
        var (task, engine) = DocumentsTask(folder, Path.Combine(folder.Path, "dir.task.json"));
        Assert.IsFalse(task.Execute());
        Assert.AreEqual("UET1004", engine.Errors.Single().Code);
    }

    [TestMethod]
    public void SchemaTaskReportsUserSchemaProblemsAndStampsOnlyACleanSet()
    {
        using var folder = new TempFolder();
        var schema = folder.Write("s/bad.json", """{"$ref": "https://example.com/x.json"}""");
        var engine = new RecordingBuildEngine();
        var task = new ValidateUetSchemas
        {
            BuildEngine = engine,
            Schemas = [new TaskItem(schema)],
            StampFile = Path.Combine(folder.Path, "schemas.stamp"),
        };
        Assert.IsFalse(task.Execute());
        StringAssert.StartsWith(engine.Diagnostics.Single(), $"{schema}(1,10): error UET2004: ");
        Assert.IsFalse(File.Exists(task.StampFile));

        File.WriteAllText(schema, """{"type": "object"}""");
        var clean = new ValidateUetSchemas
        {
            BuildEngine = new RecordingBuildEngine(),
            Schemas = [new TaskItem(schema)],
            StampFile = task.StampFile,
        };
        Assert.IsTrue(clean.Execute());
        Assert.IsTrue(File.Exists(task.StampFile));
    }

    [TestMethod]
    public void UnexpectedFailureBecomesAnErrorNotAnException()
    {
        var engine = new RecordingBuildEngine();
        var task = new ThrowingTask { BuildEngine = engine };
        Assert.IsFalse(task.Execute());
        Assert.AreEqual("UET0002", engine.Errors.Single().Code);
        StringAssert.Contains(engine.Errors.Single().Message, "InvalidOperationException: boom");
    }

    /// <summary>A gate task whose work fails in a way no check foresaw.</summary>
    private sealed class ThrowingTask : UetTask
    {
        protected override void Run() => throw new InvalidOperationException("boom");
    }
}

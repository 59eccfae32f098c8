namespace Uet.Validation.Tests;

/// <summary>What JSON Schema cannot express about a workstream's tasks.</summary>
[TestClass]
public sealed class WorkstreamRuleTests
{
    private static string Workstream(params string[] tasks) =>
        "{\n\"workstream_id\": \"w\", \"project_id\": \"p\", \"phase_id\": \"ph\", \"name\": \"n\", \"objective\": \"o\",\n\"tasks\": [\n"
        + string.Join(",\n", tasks)
        + "\n]}";

    private static string Task(string id, params string[] dependsOn) =>
        $"  {{\"task_id\": \"{id}\", \"name\": \"{id}\", \"kind\": \"code\", \"depends_on\": [{string.Join(", ", dependsOn.Select(d => $"\"{d}\""))}]}}";

    [TestMethod]
    public void ValidDependencyGraphPasses() =>
        Assert.AreEqual(
            "",
            Gate.Validate("w.workstream.json", Workstream(Task("a"), Task("b", "a"), Task("c", "a", "b"))).Codes()
        );

    [TestMethod]
    public void DuplicateTaskIdIsReportedAtTheSecondOne()
    {
        var findings = Gate.Validate("w.workstream.json", Workstream(Task("a"), Task("b"), Task("a")));
        Assert.AreEqual("UET1201@6:15", findings.Positions());
        Assert.AreEqual(
            "task_id 'a' at /tasks/2/task_id is already the id of the task at /tasks/0",
            findings[0].Message
        );
    }

    [TestMethod]
    public void UnknownDependencyIsReportedAtTheEntry()
    {
        var findings = Gate.Validate("w.workstream.json", Workstream(Task("a"), Task("b", "a", "zz")));
        Assert.AreEqual("UET1202@5:69", findings.Positions());
        Assert.AreEqual(
            "depends_on at /tasks/1/depends_on/1 names 'zz', which is not a task_id of this workstream (known: 'a', 'b')",
            findings[0].Message
        );
    }

    [TestMethod]
    public void CycleMessageShowsTheWholeCycle()
    {
        var findings = Gate.Validate(
            "w.workstream.json",
            Workstream(Task("a", "c"), Task("b", "a"), Task("c", "b"), Task("d", "c"))
        );
        Assert.AreEqual("UET1203", findings.Codes());
        Assert.AreEqual(
            "dependency cycle: a -> c -> b -> a (closed by depends_on at /tasks/1/depends_on/0)",
            findings[0].Message
        );
        Assert.AreEqual(
            "/tasks/1/depends_on/0",
            findings[0].Pointer,
            "reported at the dependency that closes the cycle"
        );
    }

    [TestMethod]
    public void SelfDependencyIsACycle() =>
        Assert.AreEqual(
            "dependency cycle: a -> a (closed by depends_on at /tasks/0/depends_on/0)",
            Gate.Validate("w.workstream.json", Workstream(Task("a", "a"))).Single().Message
        );

    [TestMethod]
    public void TwoSeparateCyclesAreBothReported()
    {
        var findings = Gate.Validate(
            "w.workstream.json",
            Workstream(Task("a", "b"), Task("b", "a"), Task("c", "d"), Task("d", "c"))
        );
        Assert.AreEqual("UET1203,UET1203", findings.Codes());
    }

    [TestMethod]
    public void LongChainIsCheckedWithoutRecursion()
    {
        // 20,000 tasks, each depending on the one before, and the first on the last: one cycle through all of them.
        var tasks = Enumerable.Range(0, 20_000).Select(i => Task($"t{i}", $"t{(i + 19_999) % 20_000}")).ToArray();
        var findings = Gate.Validate("w.workstream.json", Workstream(tasks));
        Assert.AreEqual("UET1203", findings.Codes());
    }

    [TestMethod]
    public void StandaloneTaskSpecIsNotCheckedForDependencies() =>
        Assert.AreEqual(
            "",
            Gate.Validate(
                    "t.task.json",
                    """{"task_id": "a", "name": "A", "kind": "code", "depends_on": ["elsewhere"]}"""
                )
                .Codes()
        );
}

using Uet.FixTasks.Priorities;

namespace Uet.FixTasks.Tests;

[TestClass]
public sealed class RulesFileTests
{
    [TestMethod]
    public void AFileOverridesOnlyTheKeysItHas()
    {
        using var folder = new TempFolder();
        var path = folder.Write(
            "rules.json",
            """{ "many_failures": 3, "blocking_categories": ["release"], "known_flaky": ["Shop.Tests.Net."] }"""
        );

        var rules = FixTaskRulesFile.Load(path);

        Assert.AreEqual(3, rules.ManyFailures);
        CollectionAssert.AreEqual(new[] { "release" }, rules.BlockingCategories.ToArray());
        CollectionAssert.AreEqual(
            FixTaskRules.Default.BlockingPriorities.ToArray(),
            rules.BlockingPriorities.ToArray()
        );
        CollectionAssert.AreEqual(new[] { "Shop.Tests.Net." }, rules.KnownFlaky.ToArray());
    }

    [TestMethod]
    [DataRow("""{ "many_failures": "ten" }""", "/many_failures")]
    [DataRow("""{ "many_failures": 1 }""", "/many_failures")]
    [DataRow("""{ "blocking_categories": "smoke" }""", "/blocking_categories")]
    [DataRow("""{ "blocking_categoris": ["smoke"] }""", "blocking_categoris")]
    public void AFileThatBreaksTheSchemaIsAnErrorThatSaysWhere(string text, string where)
    {
        using var folder = new TempFolder();
        var path = folder.Write("rules.json", text);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => FixTaskRulesFile.Load(path));

        StringAssert.StartsWith(error.Message, path + ": the fix-task rules do not match fix_task_rules.v1.json");
        StringAssert.Contains(error.Message, where);
    }

    [TestMethod]
    public void EachSchemaProblemIsLocatedAsTheBuildGateLocatesIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("rules.json", "{\n  \"flaky_runs\": 3,\n  \"many_failures\": \"ten\"\n}");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => FixTaskRulesFile.Load(path));

        StringAssert.Contains(error.Message, $"{path}(3,20): error UET");
        StringAssert.Contains(error.Message, "/many_failures");
    }

    [TestMethod]
    public void MalformedJsonIsAnErrorWithLineAndColumn()
    {
        using var folder = new TempFolder();
        var path = folder.Write("rules.json", "{\n  \"many_failures\": ,\n}");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => FixTaskRulesFile.Load(path));

        StringAssert.StartsWith(error.Message, path + "(2,");
    }
}

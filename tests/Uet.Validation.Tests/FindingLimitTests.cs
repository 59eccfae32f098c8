using Uet.Validation.Diagnostics;

namespace Uet.Validation.Tests;

[TestClass]
public sealed class FindingLimitTests
{
    [TestMethod]
    public void ManyErrorsAreCappedWithALineThatCountsTheRest()
    {
        var document = "{" + string.Join(", ", Enumerable.Range(0, 30).Select(i => $"\"extra{i}\": {i}")) + "}";
        var findings = FindingLimit.Apply(Gate.Validate("x.task.json", document), maxPerFile: 5);
        Assert.AreEqual(6, findings.Count);
        Assert.AreEqual("UET1010", findings[5].Code);
        Assert.AreEqual("28 more problems in this file not shown (UetMaxErrorsPerFile=5)", findings[5].Message);
    }

    [TestMethod]
    public void NoCapWhenWithinTheLimitOrDisabled()
    {
        var findings = Gate.Validate("x.task.json", """{"extra": 1}""");
        Assert.AreSame(findings, FindingLimit.Apply(findings, maxPerFile: 20));
        Assert.AreSame(findings, FindingLimit.Apply(findings, maxPerFile: 0));
    }
}

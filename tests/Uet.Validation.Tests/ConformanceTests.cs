using Uet.Schemas.Conformance;

namespace Uet.Validation.Tests;

/// <summary>The gate's evaluation passes the official draft-07 suite (the copy in tests/Uet.Schemas.Conformance/suite).</summary>
[TestClass]
public sealed class ConformanceTests
{
    [TestMethod]
    public void PassesAllRequiredDraft07Cases()
    {
        var results = new ConformanceSuite(Path.Combine(AppContext.BaseDirectory, "suite")).Run().ToList();
        var failures = results.SelectMany(r => r.Failures.Select(f => $"{r.Name}: {f}")).ToList();
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures.Take(20)));
        Assert.AreEqual(927, results.Sum(r => r.Passed));
    }
}

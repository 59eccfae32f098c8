namespace Baseline.Tests;

[TestClass]
public sealed class TrivialTests
{
    // BASELINE_TESTS sets how many test cases the run has.
    public static IEnumerable<object[]> Cases() =>
        Enumerable
            .Range(0, int.Parse(Environment.GetEnvironmentVariable("BASELINE_TESTS") ?? "5000"))
            .Select(i => new object[] { i });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Adds(int i) => Assert.AreEqual(i + 1, 1 + i);
}

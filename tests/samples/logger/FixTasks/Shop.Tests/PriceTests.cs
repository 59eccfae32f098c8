namespace Shop.Tests;

[TestClass]
public sealed class PriceTests
{
    /// <summary>Fails until the fix (UET_SAMPLE_FIXED=1); a workstream task's acceptance check names it.</summary>
    [TestMethod]
    public void Sum() => Assert.AreEqual(3.0m, Prices.Sum(1.5m, 1.5m), "the sum of two prices");

    [TestMethod]
    public void Zero() => Assert.AreEqual(0m, Prices.Sum(0m, 0m));
}

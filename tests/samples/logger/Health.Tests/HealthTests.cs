namespace Health.Tests;

/// <summary>A test that never ends (its host must be quarantined and ended), between tests that pass.</summary>
[TestClass]
public sealed class HealthTests
{
    [TestMethod]
    public void A_Passes() => Assert.AreEqual(2, 1 + 1);

    [TestMethod]
    public void B_Hangs() => Thread.Sleep(Timeout.Infinite);

    [TestMethod]
    public void C_NeverRuns() => Assert.AreEqual(4, 2 + 2);
}

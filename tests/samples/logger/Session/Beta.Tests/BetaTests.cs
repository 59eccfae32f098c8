namespace Beta.Tests;

[TestClass]
public sealed class BetaTests
{
    [TestMethod]
    public void Works() => Thread.Sleep(200);

    [TestMethod]
    public void AlsoWorks() => Assert.AreEqual("Beta", nameof(Beta));
}

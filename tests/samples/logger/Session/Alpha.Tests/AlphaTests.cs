namespace Alpha.Tests;

[TestClass]
public sealed class AlphaTests
{
    [TestMethod]
    public void Works() => Thread.Sleep(200);

    [TestMethod]
    public void AlsoWorks() => Assert.AreEqual("Alpha", nameof(Alpha));
}

namespace Gamma.Tests;

[TestClass]
public sealed class GammaTests
{
    [TestMethod]
    public void Works() => Thread.Sleep(200);

    [TestMethod]
    public void AlsoWorks() => Assert.AreEqual("Gamma", nameof(Gamma));
}

[TestClass]
public sealed class GammaFailures
{
    [TestMethod]
    public void Fails() => Assert.Fail("gamma is broken");
}

namespace Multi.Tests;

[TestClass]
public sealed class MultiTests
{
    [TestMethod]
    public void KnowsItsRuntime() => Assert.IsTrue(Environment.Version.Major >= 9);

#if NET10_0
    [TestMethod]
    public void OnlyOnNet10() => Assert.Fail("fails on net10.0 only");
#endif
}

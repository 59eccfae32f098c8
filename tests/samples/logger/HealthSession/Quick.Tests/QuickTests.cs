namespace Quick.Tests;

[TestClass]
public sealed class QuickTests
{
    [TestMethod]
    public void Adds() => Assert.AreEqual(4, 2 + 2);

    [TestMethod]
    public void Concatenates() => Assert.AreEqual("ab", "a" + "b");
}

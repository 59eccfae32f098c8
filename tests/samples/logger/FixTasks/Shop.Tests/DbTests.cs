namespace Shop.Tests;

/// <summary>A class whose initialization fails: every test in it fails with the same cause.</summary>
[TestClass]
public sealed class DbTests
{
    [ClassInitialize]
    public static void Connect(TestContext context) =>
        throw new InvalidOperationException("the test database is not reachable");

    [TestMethod]
    public void Reads() { }

    [TestMethod]
    public void Writes() { }
}

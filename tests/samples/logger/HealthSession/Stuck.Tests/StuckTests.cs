namespace Stuck.Tests;

[TestClass]
public sealed class StuckTests
{
    [TestMethod]
    public void Starts() => Assert.IsNotNull(new object());

    [TestMethod]
    public void WaitsForever() => Thread.Sleep(Timeout.Infinite);
}

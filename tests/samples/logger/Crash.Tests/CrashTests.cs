namespace Crash.Tests;

[TestClass]
public sealed class CrashTests
{
    [TestMethod]
    public void A_Passes() => Assert.IsTrue(true);

    [TestMethod]
    public void B_Fails() => Assert.Fail("an ordinary failure before the crash");

    [TestMethod]
    public void C_KillsTheHost()
    {
        // The test host sends results to vstest.console in batches, at least every second: let the two above go out first.
        Thread.Sleep(3000);
        Environment.FailFast("Crash.Tests kills its test host on purpose");
    }

    [TestMethod]
    public void D_NeverRuns() => Assert.IsTrue(true);
}

using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: DoNotParallelize]

namespace Health.Tests;

/// <summary>Each end-to-end test picks one class with --filter; the tests of a class run in name order.</summary>
[TestClass]
public sealed class Hang
{
    [TestMethod]
    public void A_Passes() => Assert.AreEqual(2, 1 + 1);

    [TestMethod]
    public void B_SleepsForever() => Thread.Sleep(Timeout.Infinite);
}

[TestClass]
public sealed class Crash
{
    [TestMethod]
    public void A_Passes() => Assert.AreEqual(2, 1 + 1);

    [TestMethod]
    public void B_Fails() => Assert.Fail("an ordinary failure before the crash");

    [TestMethod]
    public void C_KillsTheHost()
    {
        // A crash after some work, as real ones are: the journal has the test's start by then.
        Thread.Sleep(500);
        Environment.FailFast("Health.Tests kills its test host on purpose");
    }

    [TestMethod]
    public void D_NeverRuns() => Assert.AreEqual(2, 1 + 1);
}

[TestClass]
public sealed class Slow
{
    // Each test takes 0.6 s: the run takes longer than several 1-second intervals, but progress never stops for one.
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    [DataRow(5)]
    [DataRow(6)]
    public void Progresses(int step)
    {
        Thread.Sleep(600);
        Assert.IsTrue(step > 0);
    }
}

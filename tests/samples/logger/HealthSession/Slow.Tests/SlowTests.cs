namespace Slow.Tests;

/// <summary>Slow but progressing: eight tests of 0.6 s, longer in all than the 1 s checks, never without progress for one.</summary>
[TestClass]
public sealed class SlowTests
{
    [TestMethod]
    public void Step1() => Thread.Sleep(600);

    [TestMethod]
    public void Step2() => Thread.Sleep(600);

    [TestMethod]
    public void Step3() => Thread.Sleep(600);

    [TestMethod]
    public void Step4() => Thread.Sleep(600);

    [TestMethod]
    public void Step5() => Thread.Sleep(600);

    [TestMethod]
    public void Step6() => Thread.Sleep(600);

    [TestMethod]
    public void Step7() => Thread.Sleep(600);

    [TestMethod]
    public void Step8() => Thread.Sleep(600);
}

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Plain.Tests;

[TestClass]
public sealed class PlainTests
{
    [TestMethod]
    public void Passes() => Assert.IsTrue(true);
}

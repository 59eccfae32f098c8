using Uet.FixTasks.Signatures;
using static Uet.Tests.FixTasks.Failures;

namespace Uet.FixTasks.Tests;

[TestClass]
public sealed class SignatureTests
{
    private static FailureSignature Of(Uet.Core.Events.TestResultRecord failure) =>
        FailureSignature.Of(FailureCause.Of(failure), failure.FullyQualifiedName);

    [TestMethod]
    public void FortyTestsFailingInOneHelperShareOneSignature()
    {
        var signatures = Enumerable
            .Range(0, 40)
            .Select(i => Of(NullInTotal($"Shop.Tests.CartTests.Case{i}", testLine: 10 + i)))
            .Distinct()
            .ToList();

        Assert.AreEqual(1, signatures.Count);
        Assert.AreEqual(
            "System.NullReferenceException | Object reference not set to an instance of an object. | Shop.Cart.Total",
            signatures[0].Text
        );
        StringAssert.Matches(signatures[0].TaskId, new System.Text.RegularExpressions.Regex("^FT-[0-9a-f]{10}$"));
    }

    [TestMethod]
    public void TheSameMessageFromTwoPlacesIsTwoCauses()
    {
        var inTotal = NullInTotal("Shop.Tests.CartTests.A");
        var inTax = Failed(
            "Shop.Tests.CartTests.B",
            inTotal.ErrorMessage!,
            "   at Shop.Tax.Rate() in /src/Shop/Tax.cs:line 7\n   at Shop.Tests.CartTests.B() in /src/Shop.Tests/CartTests.cs:line 50"
        );

        Assert.AreNotEqual(Of(inTotal).TaskId, Of(inTax).TaskId);
    }

    [TestMethod]
    public void TheSamePlaceWithOtherDataIsOneCause()
    {
        string Stack(int line) =>
            $"   at Shop.Orders.Find(Guid id) in /src/Shop/Orders.cs:line {line}\n   at Shop.Tests.OrderTests.X() in /src/Shop.Tests/OrderTests.cs:line 9";
        var first = Failed(
            "Shop.Tests.OrderTests.X",
            "System.Collections.Generic.KeyNotFoundException: Order 3f2504e0-4f89-11d3-9a0c-0305e82c3301 not found at 2026-11-29T10:00:01Z in /var/data/orders.db (0x7ffe12)",
            Stack(40)
        );
        var second = Failed(
            "Shop.Tests.OrderTests.Y",
            "System.Collections.Generic.KeyNotFoundException: Order 9a1b2c3d-0000-1111-2222-333344445555 not found at 2026-11-30T23:59:59Z in /tmp/other/x.db (0x1)",
            Stack(41)
        );

        Assert.AreEqual(Of(first), Of(second));
        Assert.AreEqual("Order <guid> not found at <time> in <path> (<hex>)", Of(first).NormalizedMessage);
    }

    [TestMethod]
    public void AssertionValuesDoNotSplitACauseButPlacesDo()
    {
        var a = AssertEqual("Shop.Tests.PriceTests.Sum", 30, 27);
        var b = AssertEqual("Shop.Tests.PriceTests.Sum", 12, 11, line: 31);
        var elsewhere = AssertEqual("Shop.Tests.PriceTests.Tax", 30, 27);

        Assert.AreEqual(Of(a), Of(b));
        Assert.AreEqual("assertion", Of(a).ExceptionType);
        Assert.AreEqual(
            "Assert.AreEqual failed. Expected:<…>. Actual:<…>. '…' expression: '…', '…' expression: '…'.",
            Of(a).NormalizedMessage
        );
        Assert.AreNotEqual(Of(a), Of(elsewhere));
    }

    [TestMethod]
    public void AsyncAndLambdaFramesAreNamedAsWritten()
    {
        var frames = StackTraceParser.Parse(
            """
               at Shop.Cart.<TotalAsync>d__3.MoveNext() in /src/Shop/Cart.cs:line 42
            --- End of stack trace from previous location ---
               at Shop.Cart.<>c__DisplayClass2_0.<Apply>b__0(Item i) in /src/Shop/Cart.cs:line 50
               at Shop.Cart.<>c.<Discount>b__5_1(Item i) in /src/Shop/Cart.cs:line 60
               at Shop.Cart.<Price>g__Round|7_0(Decimal d) in /src/Shop/Cart.cs:line 70
               at Shop.Repository`1.Load[TKey](TKey key) in /src/Shop/Repository.cs:line 9
               at System.Threading.Tasks.Task.Run(Action a)
            """
        );

        CollectionAssert.AreEqual(
            new[]
            {
                "Shop.Cart.TotalAsync",
                "Shop.Cart.Apply.lambda",
                "Shop.Cart.Discount.lambda",
                "Shop.Cart.Price.Round",
                "Shop.Repository.Load",
                "System.Threading.Tasks.Task.Run",
            },
            frames.Select(f => f.Method).ToArray()
        );
        Assert.AreEqual(42, frames[0].Line);
        Assert.AreEqual("/src/Shop/Cart.cs", frames[0].File);
        Assert.IsFalse(frames[^1].IsUserCode);
        Assert.IsTrue(frames[0].IsUserCode);
    }

    [TestMethod]
    public void AnAsyncFailureAndItsSynchronousTwinAreOneCause()
    {
        var viaAsync = Failed(
            "T.A",
            "System.InvalidOperationException: closed",
            "   at Shop.Db.<QueryAsync>d__4.MoveNext() in /src/Shop/Db.cs:line 12\n   at T.A() in /t.cs:line 1"
        );
        var direct = Failed(
            "T.B",
            "System.InvalidOperationException: closed",
            "   at Shop.Db.QueryAsync() in /src/Shop/Db.cs:line 12\n   at T.B() in /t.cs:line 2"
        );

        Assert.AreEqual(Of(viaAsync), Of(direct));
    }

    [TestMethod]
    public void AnInnerExceptionIsTheRootCause()
    {
        var failure = Failed(
            "Shop.Tests.ImportTests.Load",
            "Test method Shop.Tests.ImportTests.Load threw exception: \nSystem.InvalidOperationException: Import failed ---> System.IO.FileNotFoundException: Could not find file '/data/prices.csv'.",
            """
               at Shop.Import.ReadFile(String path) in /src/Shop/Import.cs:line 14
               --- End of inner exception stack trace ---
               at Shop.Import.Load() in /src/Shop/Import.cs:line 30
               at Shop.Tests.ImportTests.Load() in /src/Shop.Tests/ImportTests.cs:line 8
            """
        );

        var signature = Of(failure);

        Assert.AreEqual("System.IO.FileNotFoundException", signature.ExceptionType);
        Assert.AreEqual("Could not find file '…'.", signature.NormalizedMessage);
        Assert.AreEqual("Shop.Import.ReadFile", signature.Place);
    }

    [TestMethod]
    public void XunitAndNunitMessagesNameTheirExceptions()
    {
        var xunit = FailureCause.Of(
            Failed(
                "T.X",
                "System.ArgumentException : Value cannot be empty. (Parameter 'name')",
                "   at Shop.Name.Parse(String s) in /src/Shop/Name.cs:line 3"
            )
        );

        Assert.AreEqual("System.ArgumentException", xunit.ExceptionType);
        Assert.AreEqual("Value cannot be empty. (Parameter 'name')", xunit.Message);
    }

    [TestMethod]
    public void WithoutUserFramesTheTestsClassIsThePlace()
    {
        var failure = Failed(
            "Shop.Tests.CartTests.Total(3,4)",
            "System.TimeoutException: timed out",
            "   at System.Threading.Monitor.Wait(Object o)"
        );

        Assert.AreEqual("Shop.Tests.CartTests", Of(failure).Place);
    }
}

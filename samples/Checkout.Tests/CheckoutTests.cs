namespace Checkout.Tests;

[TestClass]
public sealed class CheckoutTests
{
    [TestMethod]
    public void EmptyCartCostsNothing() => Assert.AreEqual(0m, Cart.Total([]));

    [TestMethod]
    public void TotalsAddUp() => Assert.AreEqual(30m, Cart.Total([10m, 20m]));

    [TestMethod]
    [TestCategory("smoke")]
    public void DiscountIsApplied() =>
        Assert.AreEqual(27m, Cart.Total([10m, 20m], discountPercent: 10), "10 % off 30 is 27");

    [TestMethod]
    public void CouponCodesAreParsed() => Assert.AreEqual(15, Coupon.Parse("SAVE15"));

    [TestMethod]
    [Ignore("express checkout is not built yet")]
    public void ExpressCheckout() { }
}

internal static class Cart
{
    // Deliberately wrong: the discount is subtracted as an amount, not a percentage.
    public static decimal Total(decimal[] prices, int discountPercent = 0) => prices.Sum() - discountPercent;
}

internal static class Coupon
{
    public static int Parse(string code) =>
        int.Parse(code.AsSpan(code.Length - 3), System.Globalization.CultureInfo.InvariantCulture);
}

namespace Shop.Tests;

/// <summary>Twelve tests, one root cause: Cart.Total dereferences a missing price list.</summary>
[TestClass]
public sealed class CartTests
{
    private static decimal TotalOf(params string[] items) => Cart.Total(null, items);

    [TestMethod]
    public void EmptyCart() => Assert.AreEqual(0m, TotalOf("apple"));

    [TestMethod]
    public void OneApple() => Assert.AreEqual(1m, TotalOf("apple"));

    [TestMethod]
    public void TwoApples() => Assert.AreEqual(2m, TotalOf("apple", "apple"));

    [TestMethod]
    public void Pear() => Assert.AreEqual(2m, TotalOf("pear"));

    [TestMethod]
    public void Mixed() => Assert.AreEqual(3m, TotalOf("apple", "pear"));

    [TestMethod]
    public void Bread() => Assert.AreEqual(3m, TotalOf("bread"));

    [TestMethod]
    public void Milk() => Assert.AreEqual(1m, TotalOf("milk"));

    [TestMethod]
    public void Cheese() => Assert.AreEqual(5m, TotalOf("cheese"));

    [TestMethod]
    public void Eggs() => Assert.AreEqual(2m, TotalOf("eggs"));

    [TestMethod]
    public void Butter() => Assert.AreEqual(2m, TotalOf("butter"));

    [TestMethod]
    public void Jam() => Assert.AreEqual(4m, TotalOf("jam"));

    [TestMethod]
    public void Tea() => Assert.AreEqual(3m, TotalOf("tea"));
}

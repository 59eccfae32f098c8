namespace Orders.TUnit;

public sealed class OrderTests
{
    [Test]
    public async Task LabelsAGuest() => await Assert.That(OrderRules.Label(new Customer(null))).IsEqualTo("GUEST");

    [Test]
    public async Task LabelsAGift() => await Assert.That(OrderRules.Label(new Customer(null))).IsEqualTo("GIFT");

    [Test]
    public async Task Totals() => await Assert.That(OrderRules.Total([4, 6])).IsEqualTo(10);

    [Test]
    [Arguments(10)]
    [Arguments(20)]
    [Arguments(150)]
    public async Task Discounts(int percent) =>
        await Assert.That(OrderRules.Discounted(100, percent)).IsLessThanOrEqualTo(100);

    [Test]
    public void ChecksTheStock() => Console.WriteLine("checking the stock of 3 items");

    [Test]
    [Skip("the warehouse API is not ready")]
    public void Ships() => throw new InvalidOperationException("never runs");
}

public sealed class StoreTests
{
    [Before(Class)]
    public static void Connect() => throw new InvalidOperationException("the order database is not reachable");

    [Test]
    public void Saves() { }

    [Test]
    public void Loads() { }
}

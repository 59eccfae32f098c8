namespace Orders;

/// <summary>The code under test, shared by the four frameworks' test projects (each links this file).</summary>
public sealed record Customer(string? Name);

public static class OrderRules
{
    // The bug two tests of every framework share: a guest has no name.
    public static string Label(Customer customer) => customer.Name!.ToUpperInvariant();

    public static int Total(int[] prices) => prices.Sum() + 2; // The second bug: a stray shipping fee.

    public static int Discounted(int price, int percent) =>
        percent is < 0 or > 100
            ? throw new ArgumentOutOfRangeException(nameof(percent), percent, "a discount is 0 to 100 percent")
            : price - price * percent / 100;
}

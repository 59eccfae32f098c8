namespace Shop;

/// <summary>The code under test: a cart whose total trips over a missing price list.</summary>
public static class Cart
{
    public static decimal Total(IReadOnlyDictionary<string, decimal>? prices, params string[] items) =>
        items.Sum(item => prices![item]);
}

public static class Prices
{
    /// <summary>Rounds the wrong way until UET_SAMPLE_FIXED is set: the bug the next run has fixed.</summary>
    public static decimal Sum(decimal a, decimal b) =>
        Environment.GetEnvironmentVariable("UET_SAMPLE_FIXED") == "1" ? a + b : Math.Floor(a) + Math.Floor(b);
}

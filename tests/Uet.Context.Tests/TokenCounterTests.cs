namespace Uet.Context.Tests;

[TestClass]
public sealed class TokenCounterTests
{
    [TestMethod]
    public void AnOpenAiModelIsCountedExactlyWithItsEncoding()
    {
        var count = TokenCounter.Default.Count("Hello, world! 你好 😀", "gpt-4o");
        Assert.AreEqual((false, "o200k_base"), (count.IsEstimate, count.Basis));
        Assert.AreEqual(
            Encodings.Tokenizers.For(Encodings.TiktokenEncoding.O200kBase).CountTokens("Hello, world! 你好 😀"),
            count.Tokens
        );
    }

    [TestMethod]
    [DataRow("Hello, world! This is a sentence of ordinary English prose, long enough to matter.")]
    [DataRow("public static int Main(string[] args) => args.Length > 0 ? 1 : 0;")]
    [DataRow("测试失败了。请检查堆栈跟踪。")]
    [DataRow("a")]
    public void AModelWithoutLocalTokenizerGetsAFlaggedEstimateAboveO200kAndNeverAboveTheBytes(string text)
    {
        var estimate = TokenCounter.Default.Count(text, "claude-opus-4");
        var o200k = TokenCounter.Default.Count(text, "gpt-4o").Tokens;

        Assert.IsTrue(estimate.IsEstimate);
        StringAssert.StartsWith(estimate.Basis, "estimate from o200k_base");
        Assert.IsTrue(estimate.Tokens >= o200k, $"{estimate.Tokens} < {o200k}");
        Assert.IsTrue(estimate.Tokens <= System.Text.Encoding.UTF8.GetByteCount(text));
    }
}

using Uet.Core.Events;

namespace Uet.Core.Tests;

[TestClass]
public sealed class OutputLimitTests
{
    [TestMethod]
    public void ShortOutputIsKeptAsIs()
    {
        Assert.AreEqual("hello\n", OutputLimit.Cap("hello\n", 1024));
        Assert.IsNull(OutputLimit.Cap(null, 1024));
    }

    [TestMethod]
    public void LongOutputKeepsHeadAndTailAndSaysHowMuchIsMissing()
    {
        var text = "START" + new string('x', 100_000) + "END";
        var capped = OutputLimit.Cap(text, 1000)!;

        StringAssert.StartsWith(capped, "STARTxxx");
        StringAssert.EndsWith(capped, "xxxEND");
        StringAssert.Contains(capped, "[… 99,008 characters omitted by Uet …]");
        Assert.IsTrue(capped.Length < 1100);
    }

    [TestMethod]
    public void TheCutNeverSplitsASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 5000));
        for (var max = 300; max < 310; max++)
        {
            var capped = OutputLimit.Cap(text, max)!;
            var withoutMarker = capped.Replace("\n", "", StringComparison.Ordinal);
            Assert.IsFalse(
                withoutMarker
                    .Where(
                        (c, i) =>
                            char.IsHighSurrogate(c)
                            && (i + 1 >= withoutMarker.Length || !char.IsLowSurrogate(withoutMarker[i + 1]))
                    )
                    .Any(),
                $"max {max}: a lone high surrogate"
            );
            Assert.IsFalse(
                withoutMarker
                    .Where((c, i) => char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(withoutMarker[i - 1])))
                    .Any(),
                $"max {max}: a lone low surrogate"
            );
        }
    }
}

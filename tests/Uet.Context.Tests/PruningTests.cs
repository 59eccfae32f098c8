using Uet.Context.Encodings;
using Uet.Context.Fitting;

namespace Uet.Context.Tests;

[TestClass]
public sealed class PruningTests
{
    private static readonly ExactTokenizer Counter = Tokenizers.For(TiktokenEncoding.O200kBase);
    private static readonly Func<string, int> Count = Counter.CountTokens;

    private static readonly string Stack = string.Join(
        '\n',
        [
            "   at Shop.Checkout.Cart.Total(IReadOnlyList`1 items) in /src/Shop/Checkout/Cart.cs:line 42",
            "   at Shop.Tests.CartTests.TotalsAddUp() in /src/Shop.Tests/CartTests.cs:line 17",
            "   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)",
            "   at System.Reflection.MethodBaseInvoker.InvokeWithNoArgs(Object obj, BindingFlags invokeAttr)",
            "   at Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodInfo.ExecuteInternal(Object[] arguments)",
        ]
    );

    [TestMethod]
    public void UserFramesComeBeforeFrameworkFrames()
    {
        var sections = FailureSections.For(
            "Assert.AreEqual failed. Expected:<30>. Actual:<27>.",
            Stack,
            "41: var total = 0;\n42: return total - discount;",
            "hello\n"
        );

        CollectionAssert.AreEqual(
            new[]
            {
                "Failure",
                "Stack (your code)",
                "Source around the failing line",
                "Test output",
                "Stack (framework)",
            },
            sections.Select(s => s.Heading).ToList()
        );
        Assert.AreEqual(2, sections[1].Text.Split('\n').Length);
        Assert.IsTrue(sections[4].Text.Split('\n').All(FailureSections.IsFrameworkFrame));
    }

    [TestMethod]
    public void TheLowestValueGoesFirstAndTheFailureStays()
    {
        var output = string.Join('\n', Enumerable.Range(1, 3000).Select(i => $"progress {i} of a very chatty test"));
        var sections = FailureSections.For(
            "Assert.AreEqual failed. Expected:<30>. Actual:<27>.",
            Stack,
            "41: var total = 0;\n42: return total - discount;",
            output
        );
        var whole = Count(Pruner.Render(sections));

        var fitted = Pruner.Prune(sections, 200, Counter);

        Assert.IsTrue(whole > 200);
        Assert.IsTrue(Count(fitted) <= 200, $"{Count(fitted)} tokens");
        StringAssert.Contains(fitted, "Expected:<30>. Actual:<27>.");
        StringAssert.Contains(fitted, "Cart.cs:line 42");
        StringAssert.Contains(fitted, "42: return total - discount;");
        Assert.IsFalse(
            fitted.Contains("## Stack (framework)", StringComparison.Ordinal),
            "the framework frames, worth least, went first"
        );
        StringAssert.Contains(fitted, "lines omitted", "the output was summarized into the room that was left");
    }

    [TestMethod]
    public void RandomSectionsAndBudgetsAlwaysFit()
    {
        var random = new Random(9);
        for (var trial = 0; trial < 80; trial++)
        {
            var sections = Enumerable
                .Range(0, random.Next(1, 7))
                .Select(i => new Section(
                    $"Part {i}",
                    string.Join(
                        '\n',
                        Enumerable.Range(0, random.Next(1, 150)).Select(l => $"line {l} 😀 中文 {random.Next()}")
                    ),
                    random.Next(0, 5)
                ))
                .ToList();
            var budget = random.Next(1, 600);

            var fitted = Pruner.Prune(sections, budget, Counter);

            Assert.IsTrue(Count(fitted) <= budget, $"trial {trial}: {Count(fitted)} tokens for {budget}");
        }
    }
}

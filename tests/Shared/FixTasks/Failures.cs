using Uet.Core.Events;

namespace Uet.Tests.FixTasks;

/// <summary>Failed results as test frameworks report them, for the tests of signatures and the ledger.</summary>
internal static class Failures
{
    public static TestResultRecord Failed(
        string test,
        string message,
        string stack,
        IReadOnlyList<string>? categories = null,
        int? priority = null
    ) =>
        new()
        {
            FullyQualifiedName = test,
            Outcome = TestOutcome.Failed,
            ErrorMessage = message,
            ErrorStackTrace = stack,
            Source = "/src/Shop.Tests/bin/Shop.Tests.dll",
            Categories = categories ?? [],
            Priority = priority,
        };

    /// <summary>A NullReferenceException thrown in Shop.Cart.Total, reached from the test's own line.</summary>
    public static TestResultRecord NullInTotal(string test, int testLine = 20) =>
        Failed(
            test,
            "Test method "
                + test
                + " threw exception: \nSystem.NullReferenceException: Object reference not set to an instance of an object.",
            $"""
               at Shop.Cart.Total() in /src/Shop/Cart.cs:line 42
               at {test}() in /src/Shop.Tests/CartTests.cs:line {testLine}
               at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)
            """
        );

    public static TestResultRecord AssertEqual(string test, int expected, int actual, int line = 30) =>
        Failed(
            test,
            $"Assert.AreEqual failed. Expected:<{expected}>. Actual:<{actual}>. 'expected' expression: 'total', 'actual' expression: 'cart.Total()'.",
            $"   at {test}() in /src/Shop.Tests/PriceTests.cs:line {line}"
        );
}

using Microsoft.Testing.Platform.Extensions.Messages;
using Uet.Core.Events;
using Uet.TestLogger.Mtp;
using TestOutcome = Uet.Core.Events.TestOutcome;

namespace Uet.TestLogger.Tests.Mtp;

[TestClass]
public sealed class TestNodeResultsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void APassedNodeBecomesAResultNamedAsVSTestNamesIt()
    {
        var node = Node(
            "row-1",
            "Discounts (150)",
            PassedTestNodeStateProperty.CachedInstance,
            Method("Orders", "OrderTests", "Discounts"),
            new TimingProperty(new TimingInfo(Start, Start.AddMilliseconds(40), TimeSpan.FromMilliseconds(40))),
            new StandardOutputProperty("checking the stock\n"),
            new TestFileLocationProperty("/src/OrderTests.cs", new LinePositionSpan(new(12, -1), new(12, -1))),
            new TestMetadataProperty("slow", ""),
            new TestMetadataProperty("Category", "db"),
            new TestMetadataProperty("Priority", "1"),
            new TestMetadataProperty("Owner", "ana")
        );

        var result = Finished(node).Result;

        Assert.AreEqual("Orders.OrderTests.Discounts", result.FullyQualifiedName);
        Assert.AreEqual("Discounts (150)", result.DisplayName);
        Assert.AreEqual(TestOutcome.Passed, result.Outcome);
        Assert.AreEqual(TimeSpan.FromMilliseconds(40), result.Duration);
        Assert.AreEqual(Start, result.StartedAt);
        Assert.AreEqual("checking the stock\n", result.StandardOutput);
        Assert.AreEqual(("/src/OrderTests.cs", 12), (result.CodeFilePath, result.LineNumber));
        CollectionAssert.AreEquivalent(new[] { "slow", "db" }, result.Categories.ToArray());
        Assert.AreEqual(1, result.Priority);
        CollectionAssert.AreEquivalent(
            new[] { "Category=db", "Priority=1", "Owner=ana" },
            result.Traits.Select(t => $"{t.Key}={t.Value}").ToArray(),
            "values with keys stay traits, as under VSTest"
        );
        Assert.AreEqual("/bin/Orders.Tests.dll", result.Source);
    }

    [TestMethod]
    public void FailedErrorTimeoutAndCancelledAreAllFailuresWithTheirMessage()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("the order database is not reachable");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        var failed = Finished(Node("1", "A", new FailedTestNodeStateProperty(thrown, "explained"))).Result;
        var error = Finished(Node("2", "B", new ErrorTestNodeStateProperty("setup failed"))).Result;
        var timeout = Finished(
            Node("3", "C", new TimeoutTestNodeStateProperty { Timeout = TimeSpan.FromSeconds(2) })
        ).Result;

        Assert.AreEqual(TestOutcome.Failed, failed.Outcome);
        Assert.AreEqual("the order database is not reachable", failed.ErrorMessage);
        StringAssert.Contains(
            failed.ErrorStackTrace,
            nameof(FailedErrorTimeoutAndCancelledAreAllFailuresWithTheirMessage)
        );
        Assert.AreEqual((TestOutcome.Failed, "setup failed"), (error.Outcome, error.ErrorMessage));
        Assert.AreEqual((TestOutcome.Failed, "The test timed out after 2 s."), (timeout.Outcome, timeout.ErrorMessage));
    }

    [TestMethod]
    public void ASkippedNodeKeepsItsReason()
    {
        var result = Finished(Node("1", "Ships", new SkippedTestNodeStateProperty("the API is not ready"))).Result;

        Assert.AreEqual((TestOutcome.Skipped, "the API is not ready"), (result.Outcome, result.ErrorMessage));
    }

    [TestMethod]
    public void InProgressIsAStartAndDiscoveryANodeWithoutStateOrASupersededRetryAreNothing()
    {
        var started = TestNodeResults.Read(
            Node("1", "A", InProgressTestNodeStateProperty.CachedInstance, Method("", "T", "A")),
            "/bin/x.dll",
            OutputLimit.DefaultMaxChars
        );

        Assert.AreEqual("T.A", ((NodeUpdate.Started)started!).Test);
        Assert.IsNull(Read(Node("1", "A")));
        Assert.IsNull(Read(Node("1", "A", DiscoveredTestNodeStateProperty.CachedInstance)));
        Assert.IsNull(
            Read(Node("1", "A", PassedTestNodeStateProperty.CachedInstance, new RetryAttemptProperty(1, true)))
        );
        Assert.IsNotNull(
            Read(Node("1", "A", PassedTestNodeStateProperty.CachedInstance, new RetryAttemptProperty(2, false)))
        );
    }

    [TestMethod]
    public void ATypeNameThatHoldsItsNamespaceIsNotQualifiedTwiceAndANodeWithoutAMethodIsNamedByItsUid()
    {
        Assert.AreEqual(
            "Orders.OrderTests.Totals",
            Finished(
                Node(
                    "1",
                    "Totals",
                    PassedTestNodeStateProperty.CachedInstance,
                    Method("Orders", "Orders.OrderTests", "Totals")
                )
            ).Result.FullyQualifiedName
        );
        Assert.AreEqual(
            "Orders.Suite.Totals",
            Finished(
                Node("Orders.Suite.Totals", "Totals", PassedTestNodeStateProperty.CachedInstance)
            ).Result.FullyQualifiedName
        );
    }

    [TestMethod]
    public void OutputIsCappedAsUnderVSTest()
    {
        var result = TestNodeResults.Read(
            Node(
                "1",
                "A",
                PassedTestNodeStateProperty.CachedInstance,
                new StandardOutputProperty(new string('x', 5000))
            ),
            "/bin/x.dll",
            maxOutputChars: 1000
        );

        Assert.IsTrue(((NodeUpdate.Finished)result!).Result.StandardOutput!.Length <= 1100);
    }

    [TestMethod]
    public void ALaterFailureOfAFinishedNodeCountsButARepeatedPassDoesNotAndNothingCountsAfterTheEnd()
    {
        var finished = new FinishedTests();
        var passed = Finished(Node("1", "A", PassedTestNodeStateProperty.CachedInstance));
        var cleanupFailed = Finished(Node("1", "A", new ErrorTestNodeStateProperty("cleanup failed")));
        var otherRow = Finished(Node("1", "A (2)", PassedTestNodeStateProperty.CachedInstance));

        Assert.IsTrue(finished.Accept(passed));
        Assert.IsFalse(finished.Accept(passed));
        Assert.IsTrue(finished.Accept(cleanupFailed));
        Assert.IsTrue(finished.Accept(otherRow), "data rows may share a uid: the display name tells them apart");
        var completion = finished.End(canceled: false, TimeSpan.FromSeconds(1));
        Assert.IsFalse(finished.Accept(Finished(Node("9", "Late", PassedTestNodeStateProperty.CachedInstance))));
        Assert.AreEqual((2, 1, 0), (completion.Passed, completion.Failed, completion.Skipped));
    }

    private static TestNode Node(string uid, string displayName, params IProperty[] properties) =>
        new()
        {
            Uid = new TestNodeUid(uid),
            DisplayName = displayName,
            Properties = new PropertyBag(properties),
        };

    private static TestMethodIdentifierProperty Method(string ns, string type, string method) =>
        new("", ns, type, method, 0, [], "System.Void");

    private static NodeUpdate? Read(TestNode node) =>
        TestNodeResults.Read(node, "/bin/Orders.Tests.dll", OutputLimit.DefaultMaxChars);

    private static NodeUpdate.Finished Finished(TestNode node) => (NodeUpdate.Finished)Read(node)!;
}

using System.Collections.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using TestResult = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestResult;

namespace Uet.TestLogger.Tests;

/// <summary>Raises the events vstest.console raises on a logger, so a logger can be driven without a test run.</summary>
internal sealed class FakeLoggerEvents : TestLoggerEvents
{
    public override event EventHandler<TestRunMessageEventArgs>? TestRunMessage
    {
        add { }
        remove { }
    }
    public override event EventHandler<TestRunStartEventArgs>? TestRunStart;
    public override event EventHandler<TestResultEventArgs>? TestResult;
    public override event EventHandler<TestRunCompleteEventArgs>? TestRunComplete;
    public override event EventHandler<DiscoveryStartEventArgs>? DiscoveryStart
    {
        add { }
        remove { }
    }
    public override event EventHandler<TestRunMessageEventArgs>? DiscoveryMessage
    {
        add { }
        remove { }
    }
    public override event EventHandler<DiscoveredTestsEventArgs>? DiscoveredTests
    {
        add { }
        remove { }
    }
    public override event EventHandler<DiscoveryCompleteEventArgs>? DiscoveryComplete
    {
        add { }
        remove { }
    }

    public void Start(params string[] sources) =>
        TestRunStart?.Invoke(this, new TestRunStartEventArgs(new TestRunCriteria(sources, 10)));

    public void Result(TestResult result) => TestResult?.Invoke(this, new TestResultEventArgs(result));

    public void Complete(
        long passed,
        long failed,
        long skipped,
        bool aborted = false,
        bool canceled = false,
        Exception? error = null
    )
    {
        var statistics = new TestRunStatistics(
            passed + failed + skipped,
            new Dictionary<TestOutcome, long>
            {
                [TestOutcome.Passed] = passed,
                [TestOutcome.Failed] = failed,
                [TestOutcome.Skipped] = skipped,
            }
        );
        TestRunComplete?.Invoke(
            this,
            new TestRunCompleteEventArgs(
                statistics,
                canceled,
                aborted,
                error,
                new Collection<AttachmentSet>(),
                TimeSpan.FromSeconds(2)
            )
        );
    }

    public static TestResult MakeResult(
        string name,
        TestOutcome outcome,
        string source = "/src/A.Tests/bin/A.Tests.dll"
    )
    {
        var testCase = new TestCase(name, new Uri("executor://mstestadapter/v2"), source)
        {
            CodeFilePath = "/src/A.Tests/Tests.cs",
            LineNumber = 12,
        };
        return new TestResult(testCase) { Outcome = outcome, Duration = TimeSpan.FromMilliseconds(4) };
    }
}

using Uet.Core.Runs;

namespace Uet.Core.Tests;

[TestClass]
public sealed class TestSessionsTests
{
    private static readonly string[] VstestCommandLine =
    [
        "/usr/share/dotnet/sdk/10.0.401/vstest.console.dll",
        "--framework:.NETCoreApp,Version=v10.0",
        "--logger:uet",
        "/src/A.Tests/bin/A.Tests.dll",
        "--artifactsProcessingMode-collect",
        "--testSessionCorrelationId:27231_93676979-0827-49f4-a7af-0652eb3f1f0a",
    ];

    [TestMethod]
    public void TheRunsOfOneDotnetTestShareTheCorrelationIdItHandsToEveryVstestConsole() =>
        Assert.AreEqual(
            "27231_93676979-0827-49f4-a7af-0652eb3f1f0a",
            TestSessions.FromVsTestCommandLine(VstestCommandLine)
        );

    [TestMethod]
    public void TheParameterAndThenTheEnvironmentOverrideIt()
    {
        Assert.AreEqual("from-parameter", TestSessions.Resolve("from-parameter", "from-env", "platform", "RUN"));
        Assert.AreEqual("ci-job-77", TestSessions.Resolve(null, "ci-job-77", "platform", "RUN"));
    }

    [TestMethod]
    public void WithoutAnyOfThemARunIsASessionOfItsOwn() =>
        Assert.AreEqual(
            "RUN",
            TestSessions.Resolve(
                null,
                "",
                TestSessions.FromVsTestCommandLine(["vstest.console.dll", "/TestSessionCorrelationId:"]),
                "RUN"
            )
        );

    [TestMethod]
    public void TheSlashFormOfTheArgumentWorksToo() =>
        Assert.AreEqual("abc", TestSessions.FromVsTestCommandLine(["/TestSessionCorrelationId:abc"]));
}

using Uet.Core.Seams;
using Uet.TestLogger.Mtp;

namespace Uet.TestLogger.Tests.Mtp;

[TestClass]
public sealed class TestApplicationTests
{
    private static readonly string[] UnderDotnetTest =
    [
        "/bin/Orders.Tests.dll",
        "--server",
        "dotnettestcli",
        "--dotnet-test-pipe",
        "p",
    ];

    [TestMethod]
    public void TheAppsOfOneDotnetTestShareTheSessionOfTheProcessThatStartedThem() =>
        Assert.AreEqual(
            "dotnet-test-42-777",
            TestApplication.PlatformSession(Environment(UnderDotnetTest), () => "dotnet-test-42-777")
        );

    [TestMethod]
    public void ALogicalRunIdWins() =>
        Assert.AreEqual(
            "run-9",
            TestApplication.PlatformSession(
                Environment(UnderDotnetTest, ("TESTINGPLATFORM_LOGICAL_RUN_ID", "run-9")),
                () => "dotnet-test-42-777"
            )
        );

    [TestMethod]
    public void AnAppRunByItselfIsASessionOfOneRun() =>
        Assert.IsNull(
            TestApplication.PlatformSession(Environment(["/bin/Orders.Tests.dll", "--report-uet"]), () =>
                "dotnet-test-42-777"
            )
        );

    [TestMethod]
    public void TheParentProcessIsNamedByItsIdAndStartTime()
    {
        var parent = TestApplication.ParentProcess();

        Assert.IsNotNull(parent, "this machine has /proc");
        StringAssert.Matches(parent, new System.Text.RegularExpressions.Regex(@"^dotnet-test-\d+-\d+$"));
        Assert.AreEqual(parent, TestApplication.ParentProcess(), "the same parent, the same name");
    }

    private static EnvironmentReader Environment(
        string[] commandLine,
        params (string Name, string Value)[] variables
    ) => new(name => variables.FirstOrDefault(v => v.Name == name).Value, () => commandLine);
}

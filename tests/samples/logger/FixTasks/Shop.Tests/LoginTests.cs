namespace Shop.Tests;

[TestClass]
public sealed class LoginTests
{
    /// <summary>A priority-0 test: its failure blocks.</summary>
    [TestMethod]
    [Priority(0)]
    public void SignsIn() =>
        throw new UnauthorizedAccessException("the sign-in service said 401 at " + DateTime.UtcNow.ToString("O"));

    /// <summary>Passes and fails by turns across runs: its state file counts the runs.</summary>
    [TestMethod]
    public void RemembersTheUser()
    {
        var state = Environment.GetEnvironmentVariable("UET_SAMPLE_STATE")
            ?? Path.Combine(Path.GetTempPath(), "uet-sample-flaky");
        var runs = File.Exists(state) ? int.Parse(File.ReadAllText(state)) : 0;
        File.WriteAllText(state, (runs + 1).ToString());
        Assert.IsTrue(runs % 2 == 1, $"the session cookie was lost (run {runs})");
    }
}

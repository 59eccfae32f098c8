namespace Uet.Core.Runs;

/// <summary>
/// Which test session a run belongs to. <c>dotnet test</c> starts one vstest.console per test project and target
/// framework, and hands every one of them the same <c>--testSessionCorrelationId</c>; Uet uses that id, so the
/// runs of one <c>dotnet test</c> form one session. <c>UET_SESSION_ID</c> (or the <c>SessionId</c> logger
/// parameter) overrides it, e.g. to group several <c>dotnet test</c> commands of one CI job.
/// </summary>
public static class TestSessions
{
    public const string EnvironmentVariable = "UET_SESSION_ID";
    private const string CorrelationArgument = "--testsessioncorrelationid:";

    public static string Resolve(string? parameter, string? environment, IEnumerable<string> commandLine, string runId)
    {
        if (!string.IsNullOrWhiteSpace(parameter))
        {
            return parameter.Trim();
        }
        if (!string.IsNullOrWhiteSpace(environment))
        {
            return environment.Trim();
        }
        foreach (var argument in commandLine)
        {
            var text = argument.TrimStart('/', '-');
            if (text.StartsWith(CorrelationArgument[2..], StringComparison.OrdinalIgnoreCase))
            {
                var value = text[(CorrelationArgument.Length - 2)..].Trim('"');
                if (value.Length > 0)
                {
                    return value;
                }
            }
        }
        return runId; // Run alone: a session of one run.
    }
}

namespace Uet.Core.Runs;

/// <summary>
/// Which test session a run belongs to: the runs of one <c>dotnet test</c> form one session. Each face says how
/// it knows the session of its platform (VSTest: the <c>--testSessionCorrelationId</c> that <c>dotnet test</c>
/// hands every vstest.console; Microsoft.Testing.Platform: the <c>dotnet test</c> process that started the test
/// apps). <c>UET_SESSION_ID</c> (or the face's session parameter) overrides it, e.g. to group several
/// <c>dotnet test</c> commands of one CI job.
/// </summary>
public static class TestSessions
{
    public const string EnvironmentVariable = "UET_SESSION_ID";
    private const string CorrelationArgument = "testsessioncorrelationid:";

    /// <param name="platformSession">The session the platform implies, when it implies one.</param>
    public static string Resolve(string? parameter, string? environment, string? platformSession, string runId)
    {
        if (!string.IsNullOrWhiteSpace(parameter))
        {
            return parameter.Trim();
        }
        if (!string.IsNullOrWhiteSpace(environment))
        {
            return environment.Trim();
        }
        return string.IsNullOrWhiteSpace(platformSession) ? runId : platformSession; // Alone: a session of one run.
    }

    /// <summary>The correlation id that <c>dotnet test</c> hands each vstest.console, or null.</summary>
    public static string? FromVsTestCommandLine(IEnumerable<string> commandLine)
    {
        foreach (var argument in commandLine)
        {
            var text = argument.TrimStart('/', '-');
            if (text.StartsWith(CorrelationArgument, StringComparison.OrdinalIgnoreCase))
            {
                var value = text[CorrelationArgument.Length..].Trim('"');
                if (value.Length > 0)
                {
                    return value;
                }
            }
        }
        return null;
    }
}

using System.Reflection;
using System.Runtime.Versioning;
using Uet.Core.Seams;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// The test application Uet runs in, as VSTest would name it: its assembly (the source of its tests), its target
/// framework, and the <c>dotnet test</c> it belongs to.
/// </summary>
internal static class TestApplication
{
    /// <summary>The variable the platform reads a logical run id from; Uet takes it as the session when set.</summary>
    public const string LogicalRunVariable = "TESTINGPLATFORM_LOGICAL_RUN_ID";

    public static string Source { get; } =
        Assembly.GetEntryAssembly()?.Location is { Length: > 0 } location
            ? location
            : Environment.ProcessPath ?? "unknown";

    public static string? TargetFramework { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

    /// <summary>
    /// The session of the test applications of one <c>dotnet test</c>. The platform has no id across them: when
    /// <c>dotnet test</c> started this application (<c>--server dotnettestcli</c>), they share its process, and the
    /// session is named by that process's id and start time (an id alone is reused). Null otherwise: a test
    /// application run by itself is a session of one run.
    /// </summary>
    public static string? PlatformSession(EnvironmentReader environment, Func<string?> launcher)
    {
        if (environment.Variable(LogicalRunVariable) is { Length: > 0 } logical)
        {
            return logical.Trim();
        }
        var commandLine = environment.CommandLine();
        var underDotnetTest = commandLine
            .Zip(commandLine.Skip(1))
            .Any(pair => pair.First == "--server" && pair.Second == "dotnettestcli");
        return underDotnetTest ? launcher() : null;
    }

    /// <summary>The parent process as "dotnet-test-PID-STARTTICKS", read from /proc (null where there is none).</summary>
    public static string? ParentProcess()
    {
        try
        {
            var parent = StatField(File.ReadAllText("/proc/self/stat"), 4);
            var started = StatField(File.ReadAllText($"/proc/{parent}/stat"), 22);
            return $"dotnet-test-{parent}-{started}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A field of /proc/PID/stat, counted from 1; the second (the command) may hold spaces and ends at ')'.</summary>
    private static string StatField(string stat, int field)
    {
        var afterCommand = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return field > 2 && field - 3 < afterCommand.Length
            ? afterCommand[field - 3]
            : throw new FormatException("an unexpected /proc stat line");
    }
}

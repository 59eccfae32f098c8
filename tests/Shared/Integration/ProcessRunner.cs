using System.Diagnostics;
using System.Text;

namespace Uet.Tests.Shared;

/// <summary>Runs a real process to completion (or kills it after a timeout) and returns its exit code and output.</summary>
internal static class ProcessRunner
{
    /// <summary>Set by dotnet test for its own MSBuild; a child dotnet must find its own.</summary>
    private static readonly string[] InheritedMSBuildVariables =
    [
        "MSBuildSDKsPath",
        "MSBUILD_EXE_PATH",
        "MSBuildExtensionsPath",
        "MSBuildLoadMicrosoftTargetsReadOnly",
    ];

    public static (int ExitCode, string Output) Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout
    )
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedMSBuildVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}:\n{output}"
            );
        }
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}

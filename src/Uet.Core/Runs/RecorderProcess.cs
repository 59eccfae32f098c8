using System.Diagnostics;
using Uet.Core.Seams;

namespace Uet.Core.Runs;

/// <summary>
/// The process that records a run. Kept with the run so that a later opener of the store can tell a run that is
/// still being recorded from one whose recorder died (same machine, and that process is gone or is another one).
/// </summary>
public sealed record RecorderProcess(string Machine, int ProcessId, DateTimeOffset ProcessStartedAt, bool OnCi)
{
    public static RecorderProcess Current(EnvironmentReader environment)
    {
        using var process = Process.GetCurrentProcess();
        return new RecorderProcess(
            Environment.MachineName,
            process.Id,
            process.StartTime.ToUniversalTime(),
            IsCi(environment)
        );
    }

    /// <summary>True while this process is alive on this machine.</summary>
    public bool IsAlive()
    {
        if (!string.Equals(Machine, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return true; // Another machine's process (a shared folder): we cannot tell, so we leave its run alone.
        }
        try
        {
            using var process = Process.GetProcessById(ProcessId);
            // A reused process id belongs to a process that started later.
            return !process.HasExited
                && Math.Abs((process.StartTime.ToUniversalTime() - ProcessStartedAt).TotalSeconds) < 2;
        }
        catch (ArgumentException)
        {
            return false; // No such process.
        }
        catch (InvalidOperationException)
        {
            return false; // It exited while we looked.
        }
    }

    private static bool IsCi(EnvironmentReader environment) =>
        environment.IsSet("CI") || environment.IsSet("TF_BUILD") || environment.IsSet("GITHUB_ACTIONS");
}

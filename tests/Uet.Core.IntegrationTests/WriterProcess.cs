using System.Diagnostics;

namespace Uet.Core.IntegrationTests;

/// <summary>A real recorder process (Uet.Core.Tests.Writer) recording one synthetic run into a store.</summary>
internal sealed class WriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _runId = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    public WriterProcess(
        string store,
        string session,
        int results,
        int failEvery,
        int pauseEvery,
        int pauseMs,
        int flushMs
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new object[]
            {
                Path.Combine(AppContext.BaseDirectory, "Uet.Core.Tests.Writer.dll"),
                store,
                session,
                results,
                failEvery,
                pauseEvery,
                pauseMs,
                flushMs,
            }
        )
        {
            start.ArgumentList.Add(Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture)!);
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string RunId =>
        _runId.Task.Wait(TimeSpan.FromSeconds(30))
            ? _runId.Task.Result
            : throw new TimeoutException("the writer did not start: " + Output);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join("\n", _output);
            }
        }
    }

    public int WaitForExit()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            _process.Kill();
            Assert.Fail("the writer did not finish: " + Output);
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no finally block, no flush, no exit handler runs.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(); // Reaped, so its pid is gone for the next opener of the store.
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.StartsWith("run ", StringComparison.Ordinal))
        {
            _runId.TrySetResult(line[4..]);
        }
    }
}

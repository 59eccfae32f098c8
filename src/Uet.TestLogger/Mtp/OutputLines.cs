using System.Collections.Concurrent;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.OutputDevice;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// Uet's lines for the platform's output device, kept until an extension may show them (a recorder writes from its
/// own thread). They show where the test application's own output does (run by itself, <c>dotnet run</c>); under
/// <c>dotnet test</c> the platform passes no extension's text to the SDK, which lists the reports as artifacts.
/// </summary>
internal sealed class OutputLines(IOutputDevice device, IOutputDeviceDataProducer producer)
{
    private readonly ConcurrentQueue<string> _pending = new();

    public void Add(string line) => _pending.Enqueue(line);

    public IReadOnlyList<string> Take()
    {
        var lines = new List<string>();
        while (_pending.TryDequeue(out var line))
        {
            lines.Add(line);
        }
        return lines;
    }

    public async Task ShowAsync(IEnumerable<string> lines, CancellationToken cancellation)
    {
        foreach (var line in lines)
        {
            await device.DisplayAsync(producer, new TextOutputDeviceData(line), cancellation).ConfigureAwait(false);
        }
    }

    public Task ShowPendingAsync(CancellationToken cancellation) => ShowAsync(Take(), cancellation);
}

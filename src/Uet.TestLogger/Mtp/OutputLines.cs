using System.Collections.Concurrent;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.OutputDevice;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// Uet's lines for the platform's output device, kept until an extension may show them (a recorder writes from its
/// own thread). They are session messages: under <c>dotnet test</c> the platform forwards only those (and
/// warnings) to the SDK, which shows them when it speaks the platform's protocol 1.3 or later.
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
            await device.DisplayAsync(producer, new SessionMessageOutputDeviceData(line), cancellation).ConfigureAwait(false);
        }
    }

    public Task ShowPendingAsync(CancellationToken cancellation) => ShowAsync(Take(), cancellation);
}

using System.Text;
using System.Text.Json;
using Uet.Core.Events;

namespace Uet.Core.Recording;

/// <summary>
/// Events the store could not take, one <c>run_event</c> JSON document a line, next to the test results: a
/// failing store loses nothing. Created on first use.
/// </summary>
public sealed class JsonlFallback(string directory, string runId)
{
    public string Path { get; } = System.IO.Path.Combine(directory, $"uet-events-{runId}.jsonl");

    public void Append(IEnumerable<RunEvent> events)
    {
        Directory.CreateDirectory(directory);
        var text = new StringBuilder();
        foreach (var runEvent in events)
        {
            text.Append(runEvent.ToJson().ToJsonString()).Append('\n');
        }
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Reads a fallback file back. Lines that are not <c>run_event</c> documents (a line torn by a crash mid-write)
    /// are counted and skipped; every complete line is kept.
    /// </summary>
    public static (IReadOnlyList<RunEvent> Events, int SkippedLines) Read(string path)
    {
        var events = new List<RunEvent>();
        var skipped = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            try
            {
                events.Add(RunEvent.FromJson(System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject()));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                skipped++;
            }
        }
        return (events, skipped);
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uet.Core.Events;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// The channel from a test host to its controller: a file of <see cref="JournalEntry"/> lines that the host appends
/// to and the controller reads as it grows, and a file of lines the controller answers with when the run is
/// recorded. The platform's own pipes are internal to it; a file needs nothing but the disk, and what reached it
/// survives a crash of the host.
/// </summary>
internal static class HostJournal
{
    /// <summary>The variable that hands the journal's path to the test host.</summary>
    public const string Variable = "UET_HOST_JOURNAL";

    /// <summary>How often each end looks for what the other wrote.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the host waits for the run's lines: the recorder's own limit, and a little more.</summary>
    public static TimeSpan ReplyTimeout { get; } =
        Core.Recording.RecorderOptions.DefaultCompletionTimeout + TimeSpan.FromSeconds(10);

    public static string ReplyPath(string journal) => journal + ".reply";

    /// <summary>Writes the controller's answer, whole or not at all (the host may read at any moment).</summary>
    public static void WriteReply(string journal, RunEnd end)
    {
        var reply = ReplyPath(journal);
        var json = new JsonObject
        {
            ["lines"] = new JsonArray([.. end.Lines.Select(l => (JsonNode)l)]),
            ["files"] = new JsonArray([.. end.Files.Select(f => (JsonNode)f)]),
        };
        File.WriteAllText(reply + ".tmp", json.ToJsonString());
        File.Move(reply + ".tmp", reply, overwrite: true);
    }

    /// <summary>The controller's answer, once it is there.</summary>
    public static RunEnd? TryReadReply(string reply)
    {
        try
        {
            if (!File.Exists(reply) || JsonNode.Parse(File.ReadAllText(reply)) is not JsonObject json)
            {
                return null;
            }
            return new RunEnd(Strings(json, "lines"), Strings(json, "files"));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static string[] Strings(JsonObject json, string name) =>
        [.. PayloadValues.Array(json, name).OfType<JsonValue>().Select(v => v.GetValue<string>())];
}

/// <summary>What the end of a run leaves for the user: its lines and the report files.</summary>
internal sealed record RunEnd(IReadOnlyList<string> Lines, IReadOnlyList<string> Files);

/// <summary>
/// The host's end. Lines go to the file's buffer and the buffer to the file every <see cref="HostJournal.PollInterval"/>
/// (and at the end): a write per line would cost a system call per test start and result. A host that crashes loses
/// what it wrote in its last moment; a test that runs longer than that is in the journal when it crashes its host.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly ITimer _flush;
    private bool _dirty;
    private bool _disposed;

    public JournalWriter(string path, TimeProvider clock)
    {
        _stream = new FileStream(
            path,
            FileMode.Append,
            FileAccess.Write,
            FileShare.ReadWrite | FileShare.Delete,
            bufferSize: 64 * 1024
        );
        _json = new Utf8JsonWriter(_stream);
        _flush = clock.CreateTimer(_ => Flush(), null, HostJournal.PollInterval, HostJournal.PollInterval);
    }

    public void Write(JournalEntry entry)
    {
        var json = entry.ToJson();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            json.WriteTo(_json);
            _json.Flush(); // Into the stream's buffer, not yet to the file.
            _json.Reset();
            _stream.WriteByte((byte)'\n');
            _dirty = true;
        }
    }

    /// <summary>What was written so far, to the file.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_dirty && !_disposed)
            {
                _stream.Flush();
                _dirty = false;
            }
        }
    }

    public void Dispose()
    {
        _flush.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _json.Dispose();
            _stream.Dispose();
        }
    }
}

/// <summary>The controller's end: the entries of the lines completed since the last read.</summary>
internal sealed class JournalReader(string path) : IDisposable
{
    private readonly StringBuilder _partial = new();
    private FileStream? _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly char[] _chars = new char[64 * 1024];

    public List<JournalEntry> ReadNew()
    {
        var entries = new List<JournalEntry>();
        if (_stream is null)
        {
            if (!File.Exists(path))
            {
                return entries;
            }
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        int read;
        while ((read = _stream.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            var count = _decoder.GetChars(_buffer, 0, read, _chars, 0);
            var start = 0;
            for (var i = 0; i < count; i++)
            {
                if (_chars[i] != '\n')
                {
                    continue;
                }
                _partial.Append(_chars, start, i - start);
                if (JournalEntry.Parse(_partial.ToString()) is { } entry)
                {
                    entries.Add(entry);
                }
                _partial.Clear();
                start = i + 1;
            }
            _partial.Append(_chars, start, count - start);
        }
        return entries;
    }

    public void Dispose() => _stream?.Dispose();
}

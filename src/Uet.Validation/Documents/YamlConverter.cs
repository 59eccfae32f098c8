using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Uet.Validation.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Uet.Validation.Documents;

/// <summary>
/// Converts one YAML document into JSON by streaming the parser's events into a JSON writer (no recursion,
/// so deep input cannot overflow the stack), and records the position of every value on the way.
/// Plain scalars are typed by the YAML 1.2 core schema; aliases are expanded within a budget.
/// </summary>
internal sealed partial class YamlConverter : IDisposable
{
    /// <summary>Alias expansion budget: a "billion laughs" document stops here instead of exhausting memory.</summary>
    private const int MaxEvents = 2_000_000;

    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<string, ValueLocation> _locations = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _frames = new();
    private readonly Dictionary<string, List<ParsingEvent>> _anchored = new(StringComparer.Ordinal);
    private readonly List<Recording> _recordings = [];
    private int _events;
    private TextPosition _lastPosition = TextPosition.Start;

    private YamlConverter() =>
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { MaxDepth = DocumentParser.MaxDepth + 1 });

    public static ParseOutcome Parse(string path, ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var converter = new YamlConverter();
            try
            {
                return converter.Convert(path, Encoding.UTF8.GetString(utf8.Span));
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet 18 throws this, not a YamlException, on some malformed flow collections.
                return ParseOutcome.Fail(
                    path,
                    converter._lastPosition,
                    Codes.MalformedDocument,
                    "invalid YAML: the parser cannot go on after this point (an unclosed [ or { ?)"
                );
            }
        }
        catch (YamlException e)
        {
            return ParseOutcome.Fail(path, PositionOf(e.Start), Codes.MalformedDocument, $"invalid YAML: {e.Message}");
        }
        catch (ConversionException e)
        {
            return ParseOutcome.Fail(path, e.Position, e.Code, e.Message);
        }
    }

    private ParseOutcome Convert(string path, string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out var end))
        {
            throw new ConversionException(
                PositionOf(end.Start),
                Codes.EmptyDocument,
                "the YAML document has no content"
            );
        }

        var start = parser.Consume<DocumentStart>();
        while (!parser.Accept<DocumentEnd>(out _))
        {
            Handle(parser.Consume<ParsingEvent>(), aliasPosition: null);
        }
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            throw new ConversionException(
                PositionOf(second.Start),
                Codes.MalformedDocument,
                "a UET document file holds one YAML document; found a second one ('---')"
            );
        }

        _writer.Flush();
        if (_buffer.WrittenCount == 0)
        {
            throw new ConversionException(
                PositionOf(start.Start),
                Codes.EmptyDocument,
                "the YAML document has no content"
            );
        }

        var json = JsonDocument.Parse(_buffer.WrittenMemory, DocumentParser.JsonOptions);
        var locations = _locations;
        return new ParseOutcome(
            new ParsedDocument(json, pointers =>
                pointers.Where(locations.ContainsKey).ToDictionary(p => p, p => locations[p], StringComparer.Ordinal)
            ),
            null
        );
    }

    /// <summary>Counts work against the expansion budget, so that aliases and merges cannot multiply it without end.</summary>
    private void Spend(TextPosition position)
    {
        if (++_events > MaxEvents)
        {
            throw new ConversionException(
                position,
                Codes.UnreadableDocument,
                $"the YAML expands to more than {MaxEvents:N0} nodes through its aliases"
            );
        }
    }

    private void Handle(ParsingEvent e, TextPosition? aliasPosition)
    {
        var position = aliasPosition ?? PositionOf(e.Start);
        Spend(position);
        _lastPosition = position;
        // Anchored nodes being read record their events for later aliases; a node's own start event opens its recording in Record.
        foreach (var recording in _recordings)
        {
            recording.Events.Add(e);
        }

        if (_frames.TryPeek(out var top) && top.Merge is { Complete: false } merge)
        {
            TakeMergeSource(merge, e, position);
            return;
        }
        switch (e)
        {
            case AnchorAlias alias:
                Replay(Anchored(alias.Value.Value, position), position);
                break;
            case Scalar { Value: "<<", Style: ScalarStyle.Plain } when IsKeyExpected():
                // A YAML merge key: its aliases are merged in when the mapping ends, under the mapping's own keys.
                if (_frames.Peek().Merge is not null)
                {
                    throw new ConversionException(position, Codes.MalformedDocument, "duplicate key '<<'");
                }

                _frames.Peek().Merge = new MergeKey(position);
                break;
            case Scalar scalar when IsKeyExpected():
                var frame = _frames.Peek();
                if (!frame.Keys.Add(scalar.Value))
                {
                    throw new ConversionException(position, Codes.MalformedDocument, $"duplicate key '{scalar.Value}'");
                }

                frame.PendingKey = scalar.Value;
                frame.PendingKeyPosition = position;
                _writer.WritePropertyName(scalar.Value);
                break;
            case Scalar scalar:
                Record(position, scalar);
                WriteScalar(scalar);
                EndRecording(scalar.Anchor);
                break;
            case MappingStart or SequenceStart:
                if (IsKeyExpected())
                {
                    throw new ConversionException(
                        position,
                        Codes.MalformedDocument,
                        "a mapping or sequence cannot be a key"
                    );
                }

                var isSequence = e is SequenceStart;
                Record(position, (NodeEvent)e);
                Push(new Frame(NextPointer(), isSequence, ((NodeEvent)e).Anchor), position);
                if (isSequence)
                {
                    _writer.WriteStartArray();
                }
                else
                {
                    _writer.WriteStartObject();
                }

                break;
            case MappingEnd or SequenceEnd:
                if (e is SequenceEnd)
                {
                    _writer.WriteEndArray();
                }
                else
                {
                    MergeInto(_frames.Peek());
                    _writer.WriteEndObject();
                }
                EndRecording(_frames.Pop().Anchor);
                break;
        }
    }

    private List<ParsingEvent> Anchored(string anchor, TextPosition position) =>
        _anchored.TryGetValue(anchor, out var events)
            ? events
            : throw new ConversionException(
                position,
                Codes.MalformedDocument,
                $"the alias *{anchor} names no anchor defined before it"
            );

    /// <summary>Replays an anchored node's events at the alias; a recording under way already holds the alias itself, so they are not recorded again.</summary>
    private void Replay(IEnumerable<ParsingEvent> events, TextPosition position)
    {
        var active = _recordings.ToArray();
        _recordings.Clear();
        foreach (var replayed in events)
        {
            Handle(replayed, position);
        }

        _recordings.AddRange(active);
    }

    /// <summary>The value of a merge key: one alias, or a list of aliases (earlier ones win).</summary>
    private static void TakeMergeSource(MergeKey merge, ParsingEvent e, TextPosition position)
    {
        switch (e)
        {
            case AnchorAlias alias:
                merge.Sources.Add(alias.Value.Value);
                merge.Complete = !merge.InList;
                break;
            case SequenceStart when !merge.InList && merge.Sources.Count == 0:
                merge.InList = true;
                break;
            case SequenceEnd when merge.InList:
                merge.Complete = true;
                break;
            default:
                throw new ConversionException(
                    position,
                    Codes.MalformedDocument,
                    "a merge key (<<) takes an alias (*name) or a list of aliases"
                );
        }
    }

    /// <summary>
    /// Writes the merged mappings' keys that the mapping does not have itself: its own keys win, then earlier
    /// sources over later ones. A merged mapping's own merge keys are followed in turn.
    /// </summary>
    private void MergeInto(Frame frame)
    {
        if (frame.Merge is not { } merge)
        {
            return;
        }

        for (var i = 0; i < merge.Sources.Count; i++)
        {
            var events = Anchored(merge.Sources[i], merge.Position);
            if (events is not [MappingStart, .., MappingEnd])
            {
                throw new ConversionException(
                    merge.Position,
                    Codes.MalformedDocument,
                    $"the merge key's alias *{merge.Sources[i]} names a value that is not a mapping"
                );
            }

            foreach (var (key, value) in Pairs(events))
            {
                Spend(merge.Position);
                if (key is Scalar { Value: "<<", Style: ScalarStyle.Plain })
                {
                    // A source already listed gives nothing new (earlier sources win): listing it once keeps chains linear.
                    foreach (
                        var source in value
                            .OfType<AnchorAlias>()
                            .Select(a => a.Value.Value)
                            .Where(a => !merge.Sources.Contains(a))
                    )
                    {
                        merge.Sources.Add(source);
                    }

                    continue;
                }
                if (key is not Scalar name || frame.Keys.Contains(name.Value))
                {
                    continue;
                }

                Replay([key, .. value], merge.Position);
            }
        }
    }

    /// <summary>The key and value events of each pair of a recorded mapping.</summary>
    private static IEnumerable<(ParsingEvent Key, List<ParsingEvent> Value)> Pairs(List<ParsingEvent> mapping)
    {
        var i = 1;
        while (i < mapping.Count - 1)
        {
            var key = mapping[i++];
            var value = new List<ParsingEvent>();
            var depth = 0;
            do
            {
                var e = mapping[i++];
                value.Add(e);
                depth +=
                    e is MappingStart or SequenceStart ? 1
                    : e is MappingEnd or SequenceEnd ? -1
                    : 0;
            } while (depth > 0);
            yield return (key, value);
        }
    }

    private bool IsKeyExpected() =>
        _frames.Count > 0 && !_frames.Peek().IsSequence && _frames.Peek().PendingKey is null;

    private void Push(Frame frame, TextPosition position)
    {
        if (_frames.Count >= DocumentParser.MaxDepth)
        {
            throw new ConversionException(
                position,
                Codes.TooDeep,
                $"the document nests deeper than {DocumentParser.MaxDepth} levels"
            );
        }

        _frames.Push(frame);
    }

    /// <summary>Claims the pointer of the value about to be written and remembers where it (and its key) stand.</summary>
    private void Record(TextPosition position, NodeEvent node)
    {
        var anchor = node.Anchor;
        TextPosition? keyPosition =
            _frames.Count > 0 && !_frames.Peek().IsSequence ? _frames.Peek().PendingKeyPosition : null;
        _locations[PeekPointer()] = new ValueLocation(position, keyPosition);
        if (!anchor.IsEmpty)
        {
            _recordings.Add(new Recording(anchor.Value) { Events = { node } });
        }
    }

    private void EndRecording(AnchorName anchor)
    {
        if (anchor.IsEmpty)
        {
            return;
        }

        var recording = _recordings.FindLast(r => r.Anchor == anchor.Value)!;
        _recordings.Remove(recording);
        _anchored[anchor.Value] = recording.Events;
    }

    private string PeekPointer()
    {
        if (_frames.Count == 0)
        {
            return "";
        }

        var parent = _frames.Peek();
        return parent.IsSequence
            ? JsonPointers.Append(parent.Pointer, parent.Count)
            : JsonPointers.Append(parent.Pointer, parent.PendingKey!);
    }

    private string NextPointer()
    {
        var pointer = PeekPointer();
        if (_frames.Count > 0)
        {
            var parent = _frames.Peek();
            parent.Count++;
            parent.PendingKey = null;
        }
        return pointer;
    }

    private void WriteScalar(Scalar scalar)
    {
        NextPointer();
        var value = scalar.Value;
        var plain =
            scalar.Style == ScalarStyle.Plain
            && (scalar.Tag.IsEmpty || scalar.Tag.Value != "tag:yaml.org,2002:str")
            && !scalar.Tag.IsNonSpecific;
        if (!plain)
        {
            _writer.WriteStringValue(value);
            return;
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            _writer.WriteNullValue();
        }
        else if (value is "true" or "True" or "TRUE")
        {
            _writer.WriteBooleanValue(true);
        }
        else if (value is "false" or "False" or "FALSE")
        {
            _writer.WriteBooleanValue(false);
        }
        else if (
            IntegerPattern().IsMatch(value)
            && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
        )
        {
            _writer.WriteNumberValue(integer);
        }
        else if (
            value.StartsWith("0x", StringComparison.Ordinal)
            && long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
        )
        {
            _writer.WriteNumberValue(hex);
        }
        else if (value.StartsWith("0o", StringComparison.Ordinal) && TryParseOctal(value.AsSpan(2), out var octal))
        {
            _writer.WriteNumberValue(octal);
        }
        else if (
            FloatPattern().IsMatch(value)
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        )
        {
            _writer.WriteNumberValue(number);
        }
        else if (
            FloatPattern().IsMatch(value)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var big)
            && double.IsFinite(big)
        )
        {
            _writer.WriteNumberValue(big);
        }
        else
        {
            _writer.WriteStringValue(value); // .inf and .nan have no JSON form: they stay text
        }
    }

    private static bool TryParseOctal(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 20)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }
        return true;
    }

    public void Dispose() => _writer.Dispose();

    private static TextPosition PositionOf(Mark mark) =>
        new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    private sealed class Frame(string pointer, bool isSequence, AnchorName anchor)
    {
        public string Pointer { get; } = pointer;
        public bool IsSequence { get; } = isSequence;
        public AnchorName Anchor { get; } = anchor;
        public int Count { get; set; }
        public string? PendingKey { get; set; }
        public TextPosition? PendingKeyPosition { get; set; }
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public MergeKey? Merge { get; set; }
    }

    /// <summary>A mapping's merge key (<c>&lt;&lt;: *base</c>) and the anchors it names.</summary>
    private sealed class MergeKey(TextPosition position)
    {
        public TextPosition Position { get; } = position;
        public List<string> Sources { get; } = [];
        public bool InList { get; set; }
        public bool Complete { get; set; }
    }

    private sealed record Recording(string Anchor)
    {
        public List<ParsingEvent> Events { get; } = [];
    }

    private sealed class ConversionException(TextPosition position, DiagnosticCode code, string message)
        : Exception(message)
    {
        public TextPosition Position { get; } = position;
        public DiagnosticCode Code { get; } = code;
    }
}

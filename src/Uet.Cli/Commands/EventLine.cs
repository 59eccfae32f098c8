using System.Globalization;
using System.Text.Json.Nodes;
using Uet.Core.Events;
using static Uet.Core.Events.PayloadValues;

namespace Uet.Cli.Commands;

/// <summary>One timeline line of <c>uet events</c>: time, kind, and what the event says in a few words.</summary>
internal static class EventLine
{
    private const int MessageWidth = 120;

    public static string Format(RunEvent runEvent) =>
        $"{runEvent.Ts.UtcDateTime:HH:mm:ss.fff}  {runEvent.Kind, -22}  {Summary(runEvent.Kind, runEvent.Payload)}";

    private static string Summary(string kind, JsonObject payload) =>
        kind switch
        {
            EventKinds.RunStarted =>
                $"{Text(payload, "project")} ({Text(payload, "target_framework") ?? "?"}), pid {Whole(Number(Object(payload, "recorder"), "pid"))}, session {Text(payload, "session_id")}",
            EventKinds.TestFailed =>
                $"{Text(payload, "test")}: {FirstLine(Text(payload, "error_message"))}{Where(payload)}",
            EventKinds.TestsPassed or EventKinds.TestsSkipped =>
                $"{Whole(Number(payload, "count"))} test(s): {Names(payload)}",
            EventKinds.RunCompleted =>
                $"{Whole(Number(payload, "passed"))} passed, {Whole(Number(payload, "failed"))} failed, {Whole(Number(payload, "skipped"))} skipped in {Milliseconds(Number(payload, "elapsed_ms"))} ms"
                    + (Flag(payload, "aborted") ? $"; ABORTED: {FirstLine(Text(payload, "abort_reason"))}" : "")
                    + (Flag(payload, "canceled") ? "; CANCELED" : ""),
            EventKinds.RunAborted => Text(payload, "reason") ?? "",
            _ => Shorten(payload.ToJsonString()),
        };

    private static string Names(JsonObject payload)
    {
        var names = Array(payload, "results").Select(r => Text(r as JsonObject, "test")).ToList();
        return Shorten(string.Join(", ", names));
    }

    private static string Where(JsonObject payload) =>
        Text(payload, "code_file") is { } file ? $" ({Path.GetFileName(file)}:{Whole(Number(payload, "line"))})" : "";

    /// <summary>The line that says what went wrong: MSTest's "Test method X threw exception:" header is skipped.</summary>
    private static string FirstLine(string? text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var line =
            lines.Count > 1 && lines[0].EndsWith("exception:", StringComparison.OrdinalIgnoreCase)
                ? lines[1]
                : lines.FirstOrDefault() ?? "";
        return Shorten(line);
    }

    private static string Shorten(string text) =>
        text.Length <= MessageWidth ? text : string.Concat(text.AsSpan(0, MessageWidth - 1), "…");

    private static string Whole(double? value) =>
        value is { } number ? number.ToString("0", CultureInfo.InvariantCulture) : "?";

    private static string Milliseconds(double? value) =>
        value is { } number ? number.ToString("0.#", CultureInfo.InvariantCulture) : "?";
}

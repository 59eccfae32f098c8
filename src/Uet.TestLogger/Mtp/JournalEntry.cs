using System.Text.Json;
using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.TestLogger.Mtp;

/// <summary>
/// One line of the host journal: what the test host tells its controller, as JSON. The controller records the run
/// from these lines, so that a result survives the host that produced it.
/// </summary>
internal abstract record JournalEntry
{
    private JournalEntry() { }

    /// <summary>The host's first line: its test assembly and target framework.</summary>
    public sealed record Host(string Source, string? TargetFramework) : JournalEntry;

    public sealed record Started(string Test) : JournalEntry;

    public sealed record Finished(TestResultRecord Result) : JournalEntry;

    /// <summary>The test session ended in the host (the platform's counts are the journal's own).</summary>
    public sealed record Ended(bool Canceled, TimeSpan Elapsed) : JournalEntry;

    public JsonObject ToJson() =>
        this switch
        {
            Host host => new JsonObject { ["host"] = host.Source, ["target_framework"] = host.TargetFramework },
            Started started => new JsonObject { ["started"] = started.Test },
            Finished finished => new JsonObject { ["result"] = finished.Result.ToPayload() },
            Ended ended => new JsonObject
            {
                ["ended"] = true,
                ["canceled"] = ended.Canceled,
                ["elapsed_ms"] = Math.Round(ended.Elapsed.TotalMilliseconds),
            },
            _ => throw new InvalidOperationException("an unknown journal entry"),
        };

    /// <summary>The entry of a line; null for a line that is not one (cut short by a crash, or foreign).</summary>
    public static JournalEntry? Parse(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is not JsonObject json)
            {
                return null;
            }
            return json switch
            {
                _ when PayloadValues.Text(json, "started") is { } test => new Started(test),
                _ when PayloadValues.Object(json, "result") is { } result => new Finished(
                    TestResultRecord.FromPayload(result)
                ),
                _ when PayloadValues.Text(json, "host") is { } source => new Host(
                    source,
                    PayloadValues.Text(json, "target_framework")
                ),
                _ when PayloadValues.Flag(json, "ended") => new Ended(
                    PayloadValues.Flag(json, "canceled"),
                    TimeSpan.FromMilliseconds(PayloadValues.Number(json, "elapsed_ms") ?? 0)
                ),
                _ => null,
            };
        }
        catch (Exception e)
            when (e is JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>The counts of a journal's results, which the controller completes the run with.</summary>
internal sealed class JournalCounts
{
    public int Passed { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; private set; }

    public void Add(TestResultRecord result)
    {
        switch (result.Outcome)
        {
            case TestOutcome.Passed:
                Passed++;
                break;
            case TestOutcome.Failed:
                Failed++;
                break;
            default:
                Skipped++;
                break;
        }
    }

    public RunCompletion Completion(bool aborted, bool canceled, TimeSpan elapsed, string? abortReason) =>
        new()
        {
            Passed = Passed,
            Failed = Failed,
            Skipped = Skipped,
            Aborted = aborted,
            Canceled = canceled,
            Elapsed = elapsed,
            AbortReason = abortReason,
        };
}

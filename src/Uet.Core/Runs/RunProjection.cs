using System.Text.Json.Nodes;
using Uet.Core.Events;
using static Uet.Core.Events.PayloadValues;

namespace Uet.Core.Runs;

/// <summary>
/// Rebuilds a run's state from its events alone, in order. This is what <c>uet replay</c> compares with the stored
/// state: the recorder keeps its counts from the results it was handed, the projection from what reached the log.
/// </summary>
public static class RunProjection
{
    public static RunState Replay(IEnumerable<RunEvent> events)
    {
        RunState? state = null;
        foreach (var runEvent in events)
        {
            state =
                runEvent.Kind == EventKinds.RunStarted ? Started(runEvent)
                : state is null
                    ? throw new InvalidDataException(
                        $"event {runEvent.EventId} ({runEvent.Kind}) comes before the run's run_started event"
                    )
                : Apply(state, runEvent);
        }
        return state ?? throw new InvalidDataException("the run has no events");
    }

    private static RunState Started(RunEvent runEvent)
    {
        var payload = runEvent.Payload;
        var recorder = Object(payload, "recorder");
        return new RunState
        {
            RunId = runEvent.RunId,
            SessionId = Text(payload, "session_id") ?? runEvent.RunId,
            Project = Text(payload, "project") ?? "unknown",
            TargetFramework = Text(payload, "target_framework"),
            Sources = [.. Array(payload, "sources").Select(s => s?.GetValue<string>() ?? "")],
            StartedAt = runEvent.Ts,
            Recorder = new RecorderProcess(
                Text(recorder, "machine") ?? "",
                (int)(Number(recorder, "pid") ?? 0),
                Text(recorder, "process_started_at") is { } started ? Timestamps.Parse(started) : runEvent.Ts,
                Flag(recorder, "ci")
            ),
            EventCount = 1,
        };
    }

    private static RunState Apply(RunState state, RunEvent runEvent)
    {
        var counted = state with { EventCount = state.EventCount + 1 };
        var payload = runEvent.Payload;
        switch (runEvent.Kind)
        {
            case EventKinds.TestFailed:
                return counted with { Failed = counted.Failed + 1 };
            case EventKinds.TestsPassed:
                return counted with { Passed = counted.Passed + BatchSize(payload) };
            case EventKinds.TestsSkipped:
                return counted with { Skipped = counted.Skipped + BatchSize(payload) };
            case EventKinds.RunCompleted:
                var aborted = Flag(payload, "aborted");
                var canceled = Flag(payload, "canceled");
                return counted with
                {
                    EndedAt = runEvent.Ts,
                    Aborted = aborted || canceled,
                    Canceled = canceled,
                    State = RunStates.Final(counted.Failed, aborted, canceled),
                    StateReason = Text(payload, "abort_reason")
                        ?? RunStates.FinalReason(counted.Failed, aborted, canceled),
                };
            case EventKinds.RunAborted:
                return counted with
                {
                    EndedAt = runEvent.Ts,
                    Aborted = true,
                    State = RunStates.Failed,
                    StateReason = Text(payload, "reason"),
                };
            default:
                return counted; // Task and test-host events do not change the run's own state.
        }
    }

    private static int BatchSize(JsonObject payload) => Array(payload, "results").Count;
}

using System.Text.Json.Nodes;
using Uet.Core.Events;
using Uet.Store.LiteDb;
using Uet.Validation.Schemas;
using Uet.Validation.Verdicts;

namespace Uet.Core.Tests;

/// <summary>What Uet stores is what its shipped schemas describe: every event a run_event, every run a run_record.</summary>
[TestClass]
public sealed class SchemaConformanceTests
{
    private static readonly DocumentValidator Validator = new(SchemaSetLoader.Load([]));

    [TestMethod]
    public void EveryStoredEventOfARunIsAValidRunEvent()
    {
        using var folder = new TempFolder();
        var outcome = Recordings.RecordMixedRun(Path.Combine(folder.Path, "uet.db"));
        using var store = LiteDbStore.Open(outcome.StorePath!);
        var events = store.Events(outcome.Run.RunId);

        CollectionAssert.IsSubsetOf(
            new[]
            {
                EventKinds.RunStarted,
                EventKinds.TestFailed,
                EventKinds.TestsPassed,
                EventKinds.TestsSkipped,
                EventKinds.RunCompleted,
            },
            events.Select(e => e.Kind).Distinct().ToList()
        );
        foreach (var runEvent in events)
        {
            AssertValid(folder, "run_event", runEvent.ToJson());
        }
    }

    [TestMethod]
    public void ARunAbortedEventIsAValidRunEvent()
    {
        using var folder = new TempFolder();
        var aborted = RunEvents.Aborted(Ids.New(), DateTimeOffset.UtcNow, "the recorder was killed");
        AssertValid(folder, "run_event", aborted.ToJson());
    }

    [TestMethod]
    public void HealthEventsAreValidRunEvents()
    {
        using var folder = new TempFolder();
        var runId = Ids.New();
        foreach (
            var finding in new[]
            {
                new Health.HealthFinding(
                    EventKinds.WorkerHealthCheckFailed,
                    4242,
                    Health.HostHealth.Degraded,
                    "A.Tests.Hangs",
                    TimeSpan.FromSeconds(31),
                    1
                ),
                new Health.HealthFinding(
                    EventKinds.WorkerQuarantined,
                    4242,
                    Health.HostHealth.Unhealthy,
                    "A.Tests.Hangs",
                    TimeSpan.FromSeconds(92),
                    3,
                    Killed: true
                ),
                new Health.HealthFinding(
                    EventKinds.WorkerCrashed,
                    4243,
                    Health.HostHealth.Healthy,
                    null,
                    TimeSpan.FromSeconds(2),
                    0
                ),
            }
        )
        {
            AssertValid(folder, "run_event", RunEvents.Health(runId, finding, Recordings.At).ToJson());
        }
    }

    [TestMethod]
    public void EveryRunIsAValidRunRecord()
    {
        using var folder = new TempFolder();
        var outcome = Recordings.RecordMixedRun(Path.Combine(folder.Path, "uet.db"));
        AssertValid(folder, "run_record", outcome.Run.ToRunRecord());
        Assert.AreEqual("failed", outcome.Run.ToRunRecord()["state"]!.GetValue<string>());
    }

    [TestMethod]
    public void TheSchemaEnumeratesExactlyTheOriginalKindsAndTheTestRunKinds()
    {
        var schema = JsonNode.Parse(ShippedSchemas.Read("run_event"))!;
        var kinds = schema["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        var original = new[]
        {
            "run_created",
            "run_started",
            "run_state_changed",
            "tool_call_started",
            "tool_call_completed",
            "tool_call_error",
            "patch_created",
            "patch_validated",
            "patch_apply_started",
            "patch_apply_succeeded",
            "patch_apply_failed",
            "patch_quarantined",
            "error_pipeline_triggered",
            "phase_transition",
            "note",
        };
        CollectionAssert.AreEquivalent(original.Union(EventKinds.TestRunKinds).ToList(), kinds);
    }

    private static void AssertValid(TempFolder folder, string schema, JsonObject document)
    {
        var file = folder.Write($"{Guid.NewGuid():N}.json", document.ToJsonString());
        var report = Validator.Validate(file, schema);
        Assert.IsFalse(
            report.HasErrors,
            $"{schema} rejected {document.ToJsonString()}:\n{string.Join("\n", report.Findings.Select(f => f.Message))}"
        );
    }
}

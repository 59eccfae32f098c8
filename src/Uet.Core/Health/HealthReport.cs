using System.Text.Json.Nodes;
using Uet.Core.Events;

namespace Uet.Core.Health;

/// <summary>
/// What the health collector of one test host hands the logger at the end of the session (a JSON attachment):
/// the host, when it started, and every finding with its time.
/// </summary>
public sealed record HealthReport(
    int HostId,
    DateTimeOffset LaunchedAt,
    IReadOnlyList<string> Sources,
    IReadOnlyList<(DateTimeOffset At, HealthFinding Finding)> Findings
)
{
    /// <summary>How the host ended: "quarantined", "crashed", "degraded" (failed checks, then recovered) or "healthy".</summary>
    public string Outcome =>
        Findings.Any(f => f.Finding.Kind == EventKinds.WorkerQuarantined) ? "quarantined"
        : Findings.Any(f => f.Finding.Kind == EventKinds.WorkerCrashed) ? "crashed"
        : Findings.Count > 0 ? "degraded"
        : "healthy";

    public JsonObject ToJson() =>
        new()
        {
            ["host_pid"] = HostId,
            ["launched_at"] = Timestamps.Format(LaunchedAt),
            ["sources"] = new JsonArray([.. Sources.Select(s => (JsonNode)s)]),
            ["findings"] = new JsonArray([
                .. Findings.Select(f =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["at"] = Timestamps.Format(f.At),
                            ["kind"] = f.Finding.Kind,
                            ["health"] = f.Finding.Health.ToString(),
                            ["test"] = f.Finding.Test,
                            ["progress_age_ms"] = Math.Round(f.Finding.ProgressAge.TotalMilliseconds),
                            ["failures"] = f.Finding.Failures,
                            ["killed"] = f.Finding.Killed,
                        }
                ),
            ]),
        };

    /// <exception cref="InvalidDataException">Not a health report.</exception>
    public static HealthReport FromJson(JsonObject json)
    {
        try
        {
            var hostId = json["host_pid"]!.GetValue<int>();
            var findings = json["findings"]!
                .AsArray()
                .Select(n => n!.AsObject())
                .Select(f =>
                    (
                        Timestamps.Parse(f["at"]!.GetValue<string>()),
                        new HealthFinding(
                            f["kind"]!.GetValue<string>(),
                            hostId,
                            Enum.Parse<HostHealth>(f["health"]!.GetValue<string>()),
                            f["test"]?.GetValue<string>(),
                            TimeSpan.FromMilliseconds(f["progress_age_ms"]!.GetValue<double>()),
                            f["failures"]!.GetValue<int>(),
                            f["killed"]!.GetValue<bool>()
                        )
                    )
                )
                .ToList();
            return new HealthReport(
                hostId,
                Timestamps.Parse(json["launched_at"]!.GetValue<string>()),
                [.. json["sources"]!.AsArray().Select(s => s!.GetValue<string>())],
                findings
            );
        }
        catch (Exception e)
            when (e is NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"not a Uet health report: {e.Message}", e);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Uet.Core.Health;
using Uet.Health.Collector;

namespace Uet.TestLogger.VsTest;

/// <summary>The reports of the UetHealth collectors (one per test host), among the run's attachments.</summary>
internal static class HealthReports
{
    public static IReadOnlyList<HealthReport> From(IEnumerable<AttachmentSet>? attachmentSets, Action<string> warn)
    {
        var reports = new List<HealthReport>();
        var ours = new Uri(UetHealthCollector.TypeUri);
        foreach (
            var attachment in (attachmentSets ?? []).Where(set => set.Uri == ours).SelectMany(set => set.Attachments)
        )
        {
            var path = attachment.Uri.LocalPath;
            try
            {
                reports.Add(HealthReport.FromJson(JsonNode.Parse(File.ReadAllText(path))!.AsObject()));
            }
            catch (Exception e)
                when (e
                        is IOException
                            or UnauthorizedAccessException
                            or JsonException
                            or InvalidDataException
                            or InvalidOperationException
                )
            {
                warn(
                    $"Uet: the health report {path} could not be read ({e.Message}); that test host's health is not recorded."
                );
            }
        }
        return reports;
    }
}

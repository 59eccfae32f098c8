using System.Globalization;
using System.Xml;
using Uet.Core.Health;

namespace Uet.Health.Collector;

/// <summary>
/// The collector's settings from its <c>Configuration</c> element (runsettings, or
/// <c>--collect "UetHealth;HealthInterval=1"</c>): HealthInterval and HealthGrace in seconds, HealthMaxFailures,
/// QuarantineAction kill|report. A bad value is one warning and its default.
/// </summary>
internal static class HealthSettings
{
    public static (HealthOptions Options, IReadOnlyList<string> Warnings) Read(XmlElement? configuration)
    {
        var options = new HealthOptions();
        var warnings = new List<string>();
        if (Value(configuration, "HealthInterval") is { } interval)
        {
            if (Seconds(interval, minimum: 1) is { } seconds)
            {
                options = options with { Interval = seconds, Grace = seconds };
            }
            else
            {
                warnings.Add(
                    $"HealthInterval={interval} is not a number of seconds of at least 1; using {options.Interval.TotalSeconds:0}."
                );
            }
        }
        if (Value(configuration, "HealthGrace") is { } grace)
        {
            if (Seconds(grace, minimum: 0) is { } seconds)
            {
                options = options with { Grace = seconds };
            }
            else
            {
                warnings.Add(
                    $"HealthGrace={grace} is not a number of seconds of at least 0; using {options.Grace.TotalSeconds:0}."
                );
            }
        }
        if (Value(configuration, "HealthMaxFailures") is { } failures)
        {
            if (int.TryParse(failures, CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                options = options with { MaxFailures = count };
            }
            else
            {
                warnings.Add(
                    $"HealthMaxFailures={failures} is not a whole number of at least 1; using {options.MaxFailures}."
                );
            }
        }
        if (Value(configuration, "QuarantineAction") is { } action)
        {
            if (Enum.TryParse<QuarantineAction>(action, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                options = options with { Action = parsed };
            }
            else
            {
                warnings.Add($"QuarantineAction={action} is not kill or report; using kill.");
            }
        }
        return (options, warnings);
    }

    private static string? Value(XmlElement? configuration, string name) =>
        configuration
            ?.ChildNodes.OfType<XmlElement>()
            .FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?.InnerText.Trim();

    private static TimeSpan? Seconds(string text, double minimum) =>
        double.TryParse(text, CultureInfo.InvariantCulture, out var seconds) && seconds >= minimum
            ? TimeSpan.FromSeconds(seconds)
            : null;
}

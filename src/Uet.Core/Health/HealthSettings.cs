using System.Globalization;

namespace Uet.Core.Health;

/// <summary>
/// Health options from a face's settings, by key: HealthInterval and HealthGrace in seconds, HealthMaxFailures,
/// QuarantineAction kill|report. A bad value is one warning and its default. Each face reads the values its own way
/// (a collector's configuration, a command-line option) and names them its own way in the warnings.
/// </summary>
public static class HealthSettings
{
    public const string Interval = "HealthInterval";
    public const string Grace = "HealthGrace";
    public const string MaxFailures = "HealthMaxFailures";
    public const string Quarantine = "QuarantineAction";

    /// <param name="valueOf">The value given for a key, or null.</param>
    /// <param name="describe">How a warning names a key and its value, e.g. "HealthInterval=x".</param>
    public static (HealthOptions Options, IReadOnlyList<string> Warnings) Read(
        Func<string, string?> valueOf,
        Func<string, string, string> describe
    )
    {
        string? Value(string key) => valueOf(key)?.Trim();

        var options = new HealthOptions();
        var warnings = new List<string>();
        if (Value(Interval) is { } interval)
        {
            if (Seconds(interval, minimum: 1) is { } seconds)
            {
                options = options with { Interval = seconds, Grace = seconds };
            }
            else
            {
                warnings.Add(
                    $"{describe(Interval, interval)} is not a number of seconds of at least 1; using {options.Interval.TotalSeconds:0}."
                );
            }
        }
        if (Value(Grace) is { } grace)
        {
            if (Seconds(grace, minimum: 0) is { } seconds)
            {
                options = options with { Grace = seconds };
            }
            else
            {
                warnings.Add(
                    $"{describe(Grace, grace)} is not a number of seconds of at least 0; using {options.Grace.TotalSeconds:0}."
                );
            }
        }
        if (Value(MaxFailures) is { } failures)
        {
            if (int.TryParse(failures, CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                options = options with { MaxFailures = count };
            }
            else
            {
                warnings.Add(
                    $"{describe(MaxFailures, failures)} is not a whole number of at least 1; using {options.MaxFailures}."
                );
            }
        }
        if (Value(Quarantine) is { } action)
        {
            if (Enum.TryParse<QuarantineAction>(action, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                options = options with { Action = parsed };
            }
            else
            {
                warnings.Add($"{describe(Quarantine, action)} is not kill or report; using kill.");
            }
        }
        return (options, warnings);
    }

    private static TimeSpan? Seconds(string text, double minimum) =>
        double.TryParse(text, CultureInfo.InvariantCulture, out var seconds) && seconds >= minimum
            ? TimeSpan.FromSeconds(seconds)
            : null;
}

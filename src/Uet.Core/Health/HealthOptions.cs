namespace Uet.Core.Health;

/// <summary>How test hosts are watched: the check interval, how many failed checks in a row quarantine a host,
/// the grace period after a host starts, and what quarantine does.</summary>
public sealed record HealthOptions
{
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromSeconds(30);

    /// <summary>A check every interval. Healthy while the last progress is younger than one, degraded under two.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Consecutive failed checks that quarantine a host.</summary>
    public int MaxFailures { get; init; } = 3;

    /// <summary>After a host starts, checks do not fail for this long (loading assemblies, discovery).</summary>
    public TimeSpan Grace { get; init; } = DefaultInterval;

    public QuarantineAction Action { get; init; } = QuarantineAction.Kill;
}

/// <summary>What quarantining a host does: end it (so the rest of the session finishes) or only report it.</summary>
public enum QuarantineAction
{
    Kill,
    Report,
}

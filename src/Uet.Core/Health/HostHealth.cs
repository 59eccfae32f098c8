namespace Uet.Core.Health;

/// <summary>A test host's state at a check.</summary>
public enum HostHealth
{
    /// <summary>Progress (a test started or ended) younger than one interval, or no test running.</summary>
    Healthy,

    /// <summary>A test running, no progress for one interval or more, less than two.</summary>
    Degraded,

    /// <summary>A test running, no progress for two intervals or more.</summary>
    Unhealthy,
}

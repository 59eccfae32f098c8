namespace Uet.Core.Health;

/// <summary>What a check found about one host, when it is worth an event.</summary>
/// <param name="Kind">The event kind: worker_health_check_failed, worker_quarantined or worker_crashed.</param>
/// <param name="HostId">The host's process id.</param>
/// <param name="Health">The host's state at the check (for a crash: the state it was last in).</param>
/// <param name="Test">The test that was running, if any: the one that hung, or the one the crash took down.</param>
/// <param name="ProgressAge">How long since the host last made progress.</param>
/// <param name="Failures">Consecutive failed checks so far.</param>
/// <param name="Killed">For a quarantine: whether the host was ended.</param>
public sealed record HealthFinding(
    string Kind,
    int HostId,
    HostHealth Health,
    string? Test,
    TimeSpan ProgressAge,
    int Failures,
    bool Killed = false
);

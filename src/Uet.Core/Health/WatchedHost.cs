namespace Uet.Core.Health;

/// <summary>One test host as the monitor knows it: when it started, its last progress, the tests running in it.</summary>
internal sealed class WatchedHost(int id, DateTimeOffset launchedAt)
{
    private readonly Dictionary<string, DateTimeOffset> _running = new(StringComparer.Ordinal);

    public int Id { get; } = id;
    public DateTimeOffset LaunchedAt { get; } = launchedAt;
    public DateTimeOffset LastProgress { get; private set; } = launchedAt;
    public int Failures { get; set; }
    public HostHealth Health { get; set; }

    /// <summary>Quarantined, crashed or exited: no longer checked.</summary>
    public bool Done { get; set; }

    /// <summary>The test running longest, if any.</summary>
    public string? OldestRunning => _running.Count == 0 ? null : _running.MinBy(p => p.Value).Key;

    public bool IsRunningTests => _running.Count > 0;

    public void Started(string test, DateTimeOffset at)
    {
        _running[test] = at;
        LastProgress = at;
    }

    public void Ended(string test, DateTimeOffset at)
    {
        _running.Remove(test);
        LastProgress = at;
    }
}

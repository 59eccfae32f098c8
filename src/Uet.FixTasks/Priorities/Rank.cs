namespace Uet.FixTasks.Priorities;

/// <summary>A task's priority and why, as data: <see cref="Why"/> is the explanation, <see cref="Reason"/> the line shown.</summary>
public sealed record Rank(Priority Priority, string Why)
{
    /// <summary>"critical: the test host crashed …": the priority's name, then why.</summary>
    public string Reason => $"{Priority.ToString().ToLowerInvariant()}: {Why}";
}

namespace Uet.Core.Ledger;

/// <summary>The tasks of a workstream that open fix tasks block, and for each the fix tasks that block it.</summary>
public sealed record BlockedWorkState(string WorkstreamId, IReadOnlyDictionary<string, IReadOnlyList<string>> Blocked);

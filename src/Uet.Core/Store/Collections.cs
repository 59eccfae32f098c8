namespace Uet.Core.Store;

/// <summary>The collections of a Uet store.</summary>
internal static class Collections
{
    public const string Runs = "runs";
    public const string Events = "events";
    public const string FixTasks = "fix_tasks";
    public const string Workers = "workers";

    public static IReadOnlyList<string> All { get; } = [Runs, Events, FixTasks, Workers];
}

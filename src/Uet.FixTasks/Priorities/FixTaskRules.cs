namespace Uet.FixTasks.Priorities;

/// <summary>
/// How fix tasks are ranked; the defaults, overridden key by key by a rules file (<see cref="FixTaskRulesFile"/>,
/// schema <c>schema/fix-tasks/fix_task_rules.v1.json</c>).
/// </summary>
public sealed record FixTaskRules
{
    public static FixTaskRules Default { get; } = new();

    public IReadOnlyList<string> BlockingCategories { get; init; } = ["smoke", "blocking", "critical"];
    public IReadOnlyList<int> BlockingPriorities { get; init; } = [0, 1];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> BlockingTraits { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
    public int ManyFailures { get; init; } = 10;

    public IReadOnlyList<string> InitializationMarkers { get; init; } =
    [
        "Class Initialization method",
        "Assembly Initialization method",
        "Class Cleanup method",
        "Assembly Cleanup method",
        "ClassInitialize",
        "AssemblyInitialize",
        "ClassCleanup",
        "AssemblyCleanup",
        "OneTimeSetUp",
        "OneTimeTearDown",
        "Class fixture",
        "Collection fixture",
    ];

    public int FlakyRuns { get; init; } = 5;
    public IReadOnlyList<string> KnownFlaky { get; init; } = [];
}

using Uet.FixTasks.Priorities;
using Uet.FixTasks.Tasks;
using Uet.FixTasks.Workstreams;

namespace Uet.FixTasks.Ledger;

/// <summary>How the ledger ranks tasks, what work they block, and the model and budget of their contexts.</summary>
public sealed record LedgerOptions
{
    public FixTaskRules Rules { get; init; } = FixTaskRules.Default;
    public Workstream? Workstream { get; init; }
    public string Model { get; init; } = TaskContextBuilder.DefaultModel;
    public int TokenBudget { get; init; } = TaskContextBuilder.DefaultBudget;
}

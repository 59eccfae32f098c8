namespace Uet.FixTasks.Priorities;

/// <summary>How soon a fix task should be taken: blocking before warning.</summary>
public enum Priority
{
    Critical = 1,
    High = 2,
    Medium = 3,
}

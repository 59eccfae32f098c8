using System.CommandLine;
using Uet.Core.Events;
using Uet.FixTasks.Reports;
using Uet.FixTasks.Tasks;

namespace Uet.Cli.Commands;

/// <summary>
/// <c>uet tasks [--open|--all] [--priority N] [--json]</c> lists fix tasks in the order to take them (open ones by
/// default); <c>uet tasks show ID</c> prints one with its context.
/// </summary>
internal static class TasksCommand
{
    public static Command Create(CommandContext context)
    {
        var output = context.Output;
        var db = StoreOptions.Db();
        var json = StoreOptions.Json();
        var open = new Option<bool>("--open") { Description = "Only open tasks (the default)." };
        var all = new Option<bool>("--all") { Description = "Open and resolved tasks." };
        var priority = new Option<int?>("--priority")
        {
            Description = "Only tasks of this priority: 1 critical, 2 high, 3 medium.",
        };
        priority.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value is < 1 or > 3)
            {
                result.AddError("--priority must be 1 (critical), 2 (high) or 3 (medium).");
            }
        });
        var command = new Command("tasks", "List fix tasks, the ones to take first at the top.")
        {
            db,
            json,
            open,
            all,
            priority,
            Show(context, db, json),
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(open) && parse.GetValue(all))
            {
                throw new CommandException("give --open or --all, not both.");
            }
            using var store = StoreOptions.Open(context, parse.GetValue(db));
            var tasks = ReportData.Ordered(
                store
                    .FixTasks()
                    .Select(FixTaskJson.FromStored)
                    .Where(t => parse.GetValue(all) || t.IsOpen)
                    .Where(t => parse.GetValue(priority) is not { } p || (int)t.Priority == p)
            );
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonReport.Tasks(tasks).ToJsonString(JsonOutput.Indented));
                return ExitCodes.Success;
            }
            if (tasks.Count == 0)
            {
                output.WriteLine(parse.GetValue(all) ? "No fix tasks." : "No open fix tasks.");
            }
            foreach (var task in tasks)
            {
                output.WriteLine(
                    $"{task.Id}  {MarkdownReport.Name(task.Priority), -8}  {task.Status.Name(), -8}  {task.Title}  ({MarkdownReport.Count(task.Tests.Count, "test")}{(task.Blocks.Count > 0 ? "; blocks " + string.Join(", ", task.Blocks) : "")}{(task.Flaky ? "; flaky" : "")})"
                );
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CommandContext context, Option<string?> db, Option<bool> json)
    {
        var output = context.Output;
        var id = new Argument<string>("ID") { Description = "The task's id (FT-...)." };
        var command = new Command("show", "Print one fix task with its context.") { id, db, json };
        command.SetAction(parse =>
        {
            using var store = StoreOptions.Open(context, parse.GetValue(db));
            var wanted = parse.GetValue(id)!;
            var task = store
                .FixTasks()
                .Select(FixTaskJson.FromStored)
                .FirstOrDefault(t => string.Equals(t.Id, wanted, StringComparison.OrdinalIgnoreCase))
                ?? throw new CommandException(
                    $"{store.Location}: no fix task '{wanted}'. `uet tasks --all` lists them."
                );
            if (parse.GetValue(json))
            {
                output.WriteLine(FixTaskJson.ToNode(task)!.ToJsonString(JsonOutput.Indented));
                return ExitCodes.Success;
            }
            Print(output, task);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, FixTask task)
    {
        output.WriteLine($"{task.Id}: {task.Title}");
        output.WriteLine($"  priority   {(int)task.Priority} ({MarkdownReport.Name(task.Priority)}): {task.Reason}");
        output.WriteLine(
            $"  status     {task.Status.Name()}{(task.ResolvedAt is { } at ? $" at {Timestamps.Format(at)}" : "")}{(task.Flaky ? ", flaky" : "")}"
        );
        output.WriteLine($"  signature  {task.Signature}");
        if (task.StartAt is not null)
        {
            output.WriteLine($"  start at   {task.StartAt}");
        }
        output.WriteLine($"  seen       {MarkdownReport.Seen(task)}");
        if (task.Blocks.Count > 0)
        {
            output.WriteLine($"  blocks     {string.Join(", ", task.Blocks)}");
        }
        output.WriteLine($"  tests      {task.Tests.Count}");
        foreach (var test in task.Tests)
        {
            output.WriteLine($"    {test.Name} (last {test.LastOutcome})");
        }
        if (task.Context is not null)
        {
            output.WriteLine();
            output.WriteLine(
                task.ContextInfo is { } info
                    ? $"Context ({info.Tokens} {(info.Estimated ? "estimated " : "")}tokens of {info.Model}, budget {info.Budget}):"
                    : "Context:"
            );
            output.WriteLine(task.Context.TrimEnd());
        }
    }
}

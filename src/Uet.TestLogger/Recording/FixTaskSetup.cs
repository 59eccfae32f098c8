using Uet.FixTasks.Ledger;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Workstreams;

namespace Uet.TestLogger.Recording;

/// <summary>
/// The fix-task ledger of a run, from the logger parameters: the rules file (given, or uet-fix-rules.json at the
/// store's repository), the workstream, the model and the budget. A file that cannot be used is one warning, and
/// the run goes on without it (default rules, no blocking).
/// </summary>
internal static class FixTaskSetup
{
    public const string RulesFileName = "uet-fix-rules.json";

    public static FixTaskLedger Ledger(
        LoggerParameters parameters,
        string storePath,
        TimeProvider clock,
        Action<string> warn
    )
    {
        var options = new LedgerOptions { Model = parameters.Model, TokenBudget = parameters.TokenBudget };
        var rules = parameters.Rules ?? DefaultRules(storePath);
        if (rules is not null)
        {
            try
            {
                options = options with { Rules = FixTaskRulesFile.Load(rules) };
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                warn($"Uet: {Sentence(e.Message)} The default fix-task rules are used.");
            }
        }
        if (parameters.Workstream is { } workstream)
        {
            try
            {
                options = options with { Workstream = Workstream.Load(Path.GetFullPath(workstream)) };
            }
            catch (InvalidDataException e)
            {
                warn($"Uet: {Sentence(e.Message)} No work is marked blocked in this run.");
            }
        }
        return new FixTaskLedger(options, clock);
    }

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";

    /// <summary>uet-fix-rules.json at the repository of the store (the folder that holds .uet), when it is there.</summary>
    private static string? DefaultRules(string storePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(storePath))!;
        var root = Path.GetFileName(folder) == ".uet" ? Path.GetDirectoryName(folder)! : folder;
        var path = Path.Combine(root, RulesFileName);
        return File.Exists(path) ? path : null;
    }
}

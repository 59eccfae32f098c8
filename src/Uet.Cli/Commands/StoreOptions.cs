using System.CommandLine;
using Uet.Core.Recording;
using Uet.Core.Runs;
using Uet.Core.Store;

namespace Uet.Cli.Commands;

/// <summary>The options every command shares: which store, which run, JSON or text.</summary>
internal static class StoreOptions
{
    public static Option<string?> Db() =>
        new("--db")
        {
            Description =
                $"The store. Default: {StoreLocation.EnvironmentVariable}, else .uet/uet.db in the repository (the folder with the solution or .git).",
        };

    public static Option<string?> Run() => new("--run") { Description = "A run id, or 'latest' (the default)." };

    public static Option<string?> Session() =>
        new("--session") { Description = "Every run of this test session instead of one run." };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text." };

    public static IRunStore Open(CommandContext context, string? db, bool createIfMissing = false)
    {
        var path = StoreLocation.Resolve(
            db,
            context.Environment.Variable(StoreLocation.EnvironmentVariable),
            context.WorkingDirectory
        );
        try
        {
            return context.OpenStore(path, createIfMissing);
        }
        catch (StoreException e)
        {
            throw new CommandException(e.Message);
        }
    }

    /// <summary>The runs a command is about: one run (<c>--run</c>, default latest) or a whole test session.</summary>
    public static IReadOnlyList<RunState> Select(IRunStore store, string? run, string? session)
    {
        if (session is null)
        {
            return [FindRun(store, run ?? "latest")];
        }
        if (run is not null)
        {
            throw new CommandException("give --run or --session, not both.");
        }
        var runs = store.Runs().Where(r => r.SessionId == session).ToList();
        return runs.Count > 0
            ? runs
            : throw new CommandException(
                $"{store.Location}: no test session '{session}'. `uet runs` lists the sessions."
            );
    }

    public static RunState FindRun(IRunStore store, string idOrLatest) =>
        store.FindRun(idOrLatest)
        ?? throw new CommandException(
            idOrLatest.Equals("latest", StringComparison.OrdinalIgnoreCase)
                ? $"{store.Location}: the store has no runs yet."
                : $"{store.Location}: no run '{idOrLatest}'. `uet runs` lists the runs."
        );
}

using LiteDB;
using Uet.Core.Store;

namespace Uet.Store.LiteDb;

/// <summary>
/// The store's layout version (LiteDB's <c>UserVersion</c>) and the steps that bring an older file up to date.
/// Each step is idempotent, so two processes opening a new file at the same time do no harm.
/// </summary>
internal static class StoreMigrations
{
    /// <summary>Step N brings a version N-1 file to version N.</summary>
    private static readonly Action<LiteDatabase>[] Steps =
    [
        // 1: indexes for the fix-task and test-host queries. Runs and events need none (see Collections).
        db =>
        {
            db.GetCollection(Collections.FixTasks).EnsureIndex("signature");
            db.GetCollection(Collections.FixTasks).EnsureIndex("state");
            db.GetCollection(Collections.Workers).EnsureIndex("run_id");
        },
    ];

    public static int CurrentVersion => Steps.Length;

    public static void Apply(LiteDatabase db, string path)
    {
        var version = db.UserVersion;
        if (version > CurrentVersion)
        {
            throw new StoreException(
                $"{path}: the store has layout version {version}, written by a newer Uet; this Uet reads versions up to {CurrentVersion}. Update Uet, or point DbPath elsewhere."
            );
        }
        for (var step = version; step < CurrentVersion; step++)
        {
            Steps[step](db);
            db.UserVersion = step + 1;
        }
    }
}

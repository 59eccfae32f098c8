using LiteDB;
using Uet.Core.Events;
using Uet.Core.Runs;

namespace Uet.Core.Store;

/// <summary>
/// The LiteDB file that holds every recorded run: collections <c>runs</c>, <c>events</c>, <c>fix_tasks</c> and
/// <c>workers</c>. Always opened in shared mode: several test processes write one file at once, and LiteDB's
/// direct mode takes no lock on Linux (measured: committed writes lost, an index corrupted).
/// </summary>
public sealed class UetStore : IDisposable
{
    private readonly LiteDatabase _db;

    private UetStore(LiteDatabase db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Runs that were still marked running by a recorder that is gone, marked aborted by this open.</summary>
    public IReadOnlyList<string> RecoveredRuns { get; private set; } = [];

    /// <summary>
    /// Opens (or creates) the store, brings its layout up to date and marks the runs of dead recorders aborted.
    /// Throws <see cref="StoreException"/> with a message that names the file and the cause.
    /// </summary>
    public static UetStore Open(string path, bool createIfMissing = true)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!createIfMissing && !File.Exists(fullPath))
        {
            throw new StoreException($"{fullPath}: no Uet store here. Run `dotnet test --logger uet` first, or give the store with --db.");
        }
        LiteDatabase? db = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            db = new LiteDatabase(new ConnectionString { Filename = fullPath, Connection = ConnectionType.Shared });
            StoreMigrations.Apply(db, fullPath);
            var store = new UetStore(db, fullPath);
            store.RecoveredRuns = AbandonedRuns.Recover(store);
            return store;
        }
        catch (Exception e) when (e is not StoreException)
        {
            db?.Dispose();
            throw Translate(fullPath, e);
        }
    }

    /// <summary>Adds events and saves the run's new state in one transaction: both land, or neither.</summary>
    public void Append(RunState run, IReadOnlyCollection<RunEvent> events) => Guard(() =>
    {
        _db.BeginTrans();
        try
        {
            if (events.Count > 0)
            {
                _db.GetCollection(Collections.Events).Insert(events.Select(Documents.FromEvent));
            }
            _db.GetCollection(Collections.Runs).Upsert(Documents.FromRun(run));
            _db.Commit();
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    });

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<RunState> Runs() => Guard(() =>
        _db.GetCollection(Collections.Runs).FindAll().Select(Documents.ToRun).OrderBy(r => r.RunId, StringComparer.Ordinal).ToList());

    /// <summary>The run with this id, or the newest run for "latest"; null when there is none.</summary>
    public RunState? FindRun(string idOrLatest) => Guard(() =>
    {
        var runs = _db.GetCollection(Collections.Runs);
        var document = string.Equals(idOrLatest, "latest", StringComparison.OrdinalIgnoreCase)
            ? runs.Query().OrderByDescending("_id").Limit(1).FirstOrDefault()
            : runs.FindById(idOrLatest.ToUpperInvariant());
        return document is null ? null : Documents.ToRun(document);
    });

    /// <summary>A run's events in the order it wrote them.</summary>
    public IReadOnlyList<RunEvent> Events(string runId) => Guard(() =>
        _db.GetCollection(Collections.Events).Find(Query.EQ("run_id", runId))
            .Select(Documents.ToEvent).OrderBy(e => e.EventId, StringComparer.Ordinal).ToList());

    /// <summary>
    /// Counts every collection by a full scan and through each of its indexes; a healthy store has equal counts.
    /// Returns one line per mismatch.
    /// </summary>
    public IReadOnlyList<string> CheckIntegrity() => Guard(() =>
    {
        var problems = new List<string>();
        foreach (var name in Collections.All)
        {
            var collection = _db.GetCollection(name);
            var scanned = collection.FindAll().Count();
            // Shared mode: a query must be read to the end before the next call, which reopens the engine.
            var indexes = _db.GetCollection("$indexes").Find(Query.EQ("collection", name)).Select(i => i["expression"].AsString).ToList();
            foreach (var expression in indexes)
            {
                var indexed = collection.Count(Query.GTE(expression, BsonValue.MinValue));
                if (indexed != scanned)
                {
                    problems.Add($"{name} index {expression}: {indexed} entries, {scanned} documents");
                }
            }
        }
        return problems;
    });

    /// <summary>Runs a read-modify-write step under the store's cross-process lock, as one transaction.</summary>
    internal T InTransaction<T>(Func<ILiteCollection<BsonDocument>, ILiteCollection<BsonDocument>, T> step)
    {
        _db.BeginTrans();
        try
        {
            var result = step(_db.GetCollection(Collections.Runs), _db.GetCollection(Collections.Events));
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    public void Dispose() => _db.Dispose();

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not StoreException)
        {
            throw Translate(Path, e);
        }
    }

    private static StoreException Translate(string path, Exception e) => e switch
    {
        UnauthorizedAccessException => new StoreException($"{path}: the store cannot be written (permission denied): {e.Message}", e),
        IOException io when IsDiskFull(io) => new StoreException($"{path}: the disk is full: {e.Message}", e),
        IOException => new StoreException($"{path}: the store cannot be opened (locked by another program, or unreadable): {e.Message}", e),
        // LiteDB reports a file it cannot parse with its own exception, or with whatever its parser ran into.
        _ when e is LiteException || ThrownInsideLiteDb(e) =>
            new StoreException($"{path}: the store is damaged or not a LiteDB file ({e.Message}). Move it away; Uet starts a new one.", e),
        _ => new StoreException($"{path}: the store failed: {e.GetType().Name}: {e.Message}", e),
    };

    private static bool ThrownInsideLiteDb(Exception e) =>
        new System.Diagnostics.StackTrace(e).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(LiteDatabase).Assembly);

    private static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 112; // ENOSPC, ERROR_DISK_FULL
}

using LiteDB;
using Uet.Core.Events;
using Uet.Core.Ledger;
using Uet.Core.Runs;

namespace Uet.Core.Store;

/// <summary>
/// The LiteDB file that holds every recorded run: collections <c>runs</c>, <c>events</c>, <c>fix_tasks</c> and
/// <c>workers</c>. Several test processes write one file at once, and LiteDB's direct mode takes no lock on Linux
/// (measured: committed writes lost, an index corrupted). So every use of the file is a session: take the
/// cross-process <see cref="StoreLock"/>, open the file, do the work, close it, release the lock (what LiteDB's
/// shared mode does, without its SHA-1).
/// </summary>
public sealed class UetStore : IDisposable
{
    private readonly StoreLock _lock;

    private UetStore(string path)
    {
        Path = path;
        _lock = new StoreLock(path);
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
            throw new StoreException(
                $"{fullPath}: no Uet store here. Run `dotnet test --logger uet` first, or give the store with --db."
            );
        }
        var store = new UetStore(fullPath);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            store.RecoveredRuns = store.Session(db =>
            {
                StoreMigrations.Apply(db, fullPath);
                return AbandonedRuns.Recover(db);
            });
            return store;
        }
        catch (Exception e)
        {
            store.Dispose();
            throw e as StoreException ?? Translate(fullPath, e);
        }
    }

    /// <summary>Adds events and saves the run's new state in one transaction: both land, or neither.</summary>
    public void Append(RunState run, IReadOnlyCollection<RunEvent> events) => Session(db => Write(db, run, events));

    /// <summary>
    /// The last write of a run, with its fix tasks: in one transaction, the pending events, then what
    /// <paramref name="finish"/> makes of the stored fix tasks (the run's final state, the task documents to save
    /// and more events). Returns the run as saved.
    /// </summary>
    public RunState Complete(
        IReadOnlyCollection<RunEvent> events,
        Func<LedgerState, (RunState Run, LedgerChanges Changes)> finish
    ) =>
        Session(db =>
        {
            var tasks = db.GetCollection(Collections.FixTasks);
            var blocked = db.GetCollection(Collections.BlockedWork);
            var (run, changes) = finish(
                new LedgerState([.. tasks.FindAll()], blocked.FindById(LedgerDocuments.BlockedWorkId))
            );
            db.BeginTrans(); // Write's own BeginTrans finds this one open, and its Commit commits everything.
            foreach (var task in changes.Tasks)
            {
                tasks.Upsert(task);
            }
            if (changes.BlockedWork is { } work)
            {
                work["_id"] = LedgerDocuments.BlockedWorkId;
                blocked.Upsert(work);
            }
            Write(db, run, [.. events, .. changes.Events]);
            return run;
        });

    /// <summary>Saves what the health collectors reported about a run's test hosts (one document per host).</summary>
    public void SaveWorkers(string runId, IReadOnlyList<Health.HealthReport> reports) =>
        Session(db =>
        {
            var workers = db.GetCollection(Collections.Workers);
            foreach (var report in reports)
            {
                var document = BsonJson.ToBson(report.ToJson());
                document["_id"] = $"{runId}.{report.HostId}";
                document["run_id"] = runId;
                document["outcome"] = report.Outcome;
                workers.Upsert(document);
            }
            return reports.Count;
        });

    /// <summary>The test hosts of a run, as their health collectors reported them, in the order they started.</summary>
    public IReadOnlyList<Health.HealthReport> Workers(string runId) =>
        Session(db =>
            db.GetCollection(Collections.Workers)
                .Find(Query.EQ("run_id", runId))
                .Select(d => Health.HealthReport.FromJson(BsonJson.ToJson(d)))
                .OrderBy(r => r.LaunchedAt)
                .ToList()
        );

    /// <summary>The fix-task documents, as the ledger saved them.</summary>
    public IReadOnlyList<BsonDocument> FixTasks() =>
        Session(db => db.GetCollection(Collections.FixTasks).FindAll().ToList());

    /// <summary>The blocked-work document, when a ledger saved one.</summary>
    public BsonDocument? BlockedWork() =>
        Session(db => db.GetCollection(Collections.BlockedWork).FindById(LedgerDocuments.BlockedWorkId));

    /// <summary>
    /// Brings events recorded elsewhere (a JSONL fallback file) into the store: per run, the events it does not hold
    /// yet are added and the run's state is rebuilt from all of its events, in one transaction.
    /// </summary>
    public IReadOnlyList<ImportedRun> Import(IEnumerable<RunEvent> events) =>
        Session(db =>
        {
            var imported = new List<ImportedRun>();
            foreach (var run in events.GroupBy(e => e.RunId))
            {
                var stored = db.GetCollection(Collections.Events)
                    .Find(Documents.EventsOf(run.Key))
                    .Select(Documents.ToEvent)
                    .ToList();
                var storedIds = stored.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
                var added = run.Where(e => storedIds.Add(e.EventId)).ToList();
                var state = RunProjection.Replay(stored.Concat(added).OrderBy(e => e.EventId, StringComparer.Ordinal));
                Write(db, state, added);
                imported.Add(new ImportedRun(state, added.Count, stored.Count));
            }
            return imported;
        });

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<RunState> Runs() =>
        Session(db =>
            db.GetCollection(Collections.Runs)
                .FindAll()
                .Select(Documents.ToRun)
                .OrderBy(r => r.RunId, StringComparer.Ordinal)
                .ToList()
        );

    /// <summary>The run with this id, or the newest run for "latest"; null when there is none.</summary>
    public RunState? FindRun(string idOrLatest) =>
        Session(db =>
        {
            var runs = db.GetCollection(Collections.Runs);
            var document = string.Equals(idOrLatest, "latest", StringComparison.OrdinalIgnoreCase)
                ? runs.Query().OrderByDescending("_id").Limit(1).FirstOrDefault()
                : runs.FindById(idOrLatest.ToUpperInvariant());
            return document is null ? null : Documents.ToRun(document);
        });

    /// <summary>A run's events in the order it wrote them.</summary>
    public IReadOnlyList<RunEvent> Events(string runId) =>
        Session(db =>
            db.GetCollection(Collections.Events).Find(Documents.EventsOf(runId)).Select(Documents.ToEvent).ToList()
        );

    /// <summary>
    /// Counts every collection by a full scan and through each of its indexes; a healthy store has equal counts.
    /// Returns one line per mismatch.
    /// </summary>
    public IReadOnlyList<string> CheckIntegrity() =>
        Session(db =>
        {
            var problems = new List<string>();
            foreach (var name in Collections.All)
            {
                var collection = db.GetCollection(name);
                var scanned = collection.FindAll().Count();
                var indexes = db.GetCollection("$indexes")
                    .Find(Query.EQ("collection", name))
                    .Select(i => i["expression"].AsString)
                    .ToList();
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

    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// Adds events and saves the run's state in one transaction. A run that is still running is listed in
    /// <c>active_runs</c> until its final state is saved.
    /// </summary>
    private static bool Write(LiteDatabase db, RunState run, IReadOnlyCollection<RunEvent> events)
    {
        db.BeginTrans();
        if (events.Count > 0)
        {
            db.GetCollection(Collections.Events).Insert(events.Select(Documents.FromEvent));
        }
        db.GetCollection(Collections.Runs).Upsert(Documents.FromRun(run));
        var active = db.GetCollection(Collections.ActiveRuns);
        if (run.IsRunning)
        {
            active.Upsert(new BsonDocument { ["_id"] = run.RunId });
        }
        else
        {
            active.Delete(run.RunId);
        }
        return db.Commit();
    }

    /// <summary>
    /// One use of the file under the cross-process lock: open (direct mode is safe inside the lock), work, close.
    /// A transaction the work began and did not commit is rolled back when the file closes.
    /// </summary>
    private T Session<T>(Func<LiteDatabase, T> work)
    {
        try
        {
            using var held = _lock.Take();
            using var db = new LiteDatabase(
                new ConnectionString { Filename = Path, Connection = ConnectionType.Direct }
            );
            // Results are read to the end inside the session: the file closes when it ends.
            return work(db);
        }
        catch (Exception e) when (e is not StoreException)
        {
            throw Translate(Path, e);
        }
    }

    private static StoreException Translate(string path, Exception e) =>
        e switch
        {
            UnauthorizedAccessException => new StoreException(
                $"{path}: the store cannot be written (permission denied): {e.Message}",
                e
            ),
            IOException io when IsDiskFull(io) => new StoreException($"{path}: the disk is full: {e.Message}", e),
            IOException => new StoreException(
                $"{path}: the store cannot be opened (locked by another program, or unreadable): {e.Message}",
                e
            ),
            // LiteDB reports a file it cannot parse with its own exception, or with whatever its parser ran into.
            _ when e is LiteException || ThrownInsideLiteDb(e) => new StoreException(
                $"{path}: the store is damaged or not a LiteDB file ({e.Message}). Move it away; Uet starts a new one.",
                e
            ),
            _ => new StoreException($"{path}: the store failed: {e.GetType().Name}: {e.Message}", e),
        };

    private static bool ThrownInsideLiteDb(Exception e) =>
        new System.Diagnostics.StackTrace(e)
            .GetFrames()
            .Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(LiteDatabase).Assembly);

    private static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 112; // ENOSPC, ERROR_DISK_FULL
}

using LiteDB;
using Uet.Core.Events;
using Uet.Core.Health;
using Uet.Core.Ledger;
using Uet.Core.Runs;
using Uet.Core.Store;

namespace Uet.Store.LiteDb;

/// <summary>
/// The LiteDB file that holds every recorded run: collections <c>runs</c>, <c>events</c>, <c>fix_tasks</c>,
/// <c>workers</c> (the test hosts) and <c>blocked_work</c>. Several test processes write one file at once, and
/// LiteDB's direct mode takes no lock on Linux (measured: committed writes lost, an index corrupted). So every use
/// of the file is a session: take the cross-process <see cref="StoreLock"/>, open the file, do the work, close
/// it, release the lock (what LiteDB's shared mode does, without its SHA-1).
/// </summary>
public sealed class LiteDbStore : IRunStore
{
    private readonly StoreLock _lock;

    private LiteDbStore(string path)
    {
        Location = path;
        _lock = new StoreLock(path);
    }

    public string Location { get; }

    public IReadOnlyList<string> RecoveredRuns { get; private set; } = [];

    /// <summary>
    /// Opens (or creates) the store, brings its layout up to date and marks the runs of dead recorders aborted.
    /// Throws <see cref="StoreException"/> with a message that names the file and the cause.
    /// </summary>
    public static LiteDbStore Open(string path, bool createIfMissing = true)
    {
        var fullPath = Path.GetFullPath(path);
        if (!createIfMissing && !File.Exists(fullPath))
        {
            throw new StoreException(
                $"{fullPath}: no Uet store here. Run `dotnet test --logger uet` first, or give the store with --db."
            );
        }
        var store = new LiteDbStore(fullPath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
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
            throw LiteDbErrors.Translate(fullPath, e);
        }
    }

    /// <summary><see cref="Open"/> as a <see cref="StoreOpener"/>.</summary>
    public static StoreOpener Opener { get; } = (location, createIfMissing) => Open(location, createIfMissing);

    public void Append(RunState run, IReadOnlyCollection<RunEvent> events) => Session(db => Write(db, run, events));

    public RunState Complete(
        IReadOnlyCollection<RunEvent> events,
        Func<LedgerState, (RunState Run, LedgerChanges Changes)> finish
    ) =>
        Session(db =>
        {
            var tasks = db.GetCollection(Collections.FixTasks);
            var blocked = db.GetCollection(Collections.BlockedWork);
            var state = new LedgerState(
                [.. tasks.FindAll().Select(LedgerDocuments.ToTask)],
                LedgerDocuments.ToBlockedWork(blocked.FindById(LedgerDocuments.BlockedWorkId))
            );
            var (run, changes) = finish(state);
            db.BeginTrans(); // Write's own BeginTrans finds this one open, and its Commit commits everything.
            foreach (var task in changes.Tasks)
            {
                tasks.Upsert(LedgerDocuments.FromTask(task));
            }
            if (changes.BlockedWork is { } work)
            {
                blocked.Upsert(LedgerDocuments.FromBlockedWork(work));
            }
            Write(db, run, [.. events, .. changes.Events]);
            return run;
        });

    public void SaveHosts(string runId, IReadOnlyList<HealthReport> reports) =>
        Session(db =>
        {
            var hosts = db.GetCollection(Collections.Workers);
            foreach (var report in reports)
            {
                var document = PayloadBson.ToBson(report.ToJson());
                document["_id"] = $"{runId}.{report.HostId}";
                document["run_id"] = runId;
                document["outcome"] = report.Outcome;
                hosts.Upsert(document);
            }
            return reports.Count;
        });

    public IReadOnlyList<HealthReport> Hosts(string runId) =>
        Session(db =>
            db.GetCollection(Collections.Workers)
                .Find(Query.EQ("run_id", runId))
                .Select(d => HealthReport.FromJson(PayloadBson.ToJson(d)))
                .OrderBy(r => r.LaunchedAt)
                .ToList()
        );

    public IReadOnlyList<StoredFixTask> FixTasks() =>
        Session(db => db.GetCollection(Collections.FixTasks).FindAll().Select(LedgerDocuments.ToTask).ToList());

    public BlockedWorkState? BlockedWork() =>
        Session(db =>
            LedgerDocuments.ToBlockedWork(
                db.GetCollection(Collections.BlockedWork).FindById(LedgerDocuments.BlockedWorkId)
            )
        );

    public IReadOnlyList<ImportedRun> Import(IEnumerable<RunEvent> events) =>
        Session(db =>
        {
            var imported = new List<ImportedRun>();
            foreach (var run in events.GroupBy(e => e.RunId))
            {
                var stored = db.GetCollection(Collections.Events)
                    .Find(RunDocuments.EventsOf(run.Key))
                    .Select(RunDocuments.ToEvent)
                    .ToList();
                var storedIds = stored.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
                var added = run.Where(e => storedIds.Add(e.EventId)).ToList();
                var state = RunProjection.Replay(stored.Concat(added).OrderBy(e => e.EventId, StringComparer.Ordinal));
                Write(db, state, added);
                imported.Add(new ImportedRun(state, added.Count, stored.Count));
            }
            return imported;
        });

    public IReadOnlyList<RunState> Runs() =>
        Session(db =>
            db.GetCollection(Collections.Runs)
                .FindAll()
                .Select(RunDocuments.ToRun)
                .OrderBy(r => r.RunId, StringComparer.Ordinal)
                .ToList()
        );

    public RunState? FindRun(string idOrLatest) =>
        Session(db =>
        {
            var runs = db.GetCollection(Collections.Runs);
            var document = string.Equals(idOrLatest, "latest", StringComparison.OrdinalIgnoreCase)
                ? runs.Query().OrderByDescending("_id").Limit(1).FirstOrDefault()
                : runs.FindById(idOrLatest.ToUpperInvariant());
            return document is null ? null : RunDocuments.ToRun(document);
        });

    public IReadOnlyList<RunEvent> Events(string runId) =>
        Session(db =>
            db.GetCollection(Collections.Events)
                .Find(RunDocuments.EventsOf(runId))
                .Select(RunDocuments.ToEvent)
                .ToList()
        );

    /// <summary>
    /// Counts every collection by a full scan and through each of its indexes; a healthy store has equal counts.
    /// Returns one line per mismatch.
    /// </summary>
    public IReadOnlyList<string> CheckIntegrity() => Session(StoreIntegrity.Check);

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
            db.GetCollection(Collections.Events).Insert(events.Select(RunDocuments.FromEvent));
        }
        db.GetCollection(Collections.Runs).Upsert(RunDocuments.FromRun(run));
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
                new ConnectionString { Filename = Location, Connection = ConnectionType.Direct }
            );
            // Results are read to the end inside the session: the file closes when it ends.
            return work(db);
        }
        catch (Exception e)
        {
            throw LiteDbErrors.Translate(Location, e);
        }
    }
}

using LiteDB;

/// <summary>Where a writer thread puts one batch of events.</summary>
interface ISink : IDisposable
{
    void Write(List<BsonDocument> batch);
}

/// <summary>Baseline: same process, same event generation and writer thread, no storage.</summary>
sealed class NoneSink : ISink
{
    public void Write(List<BsonDocument> batch) { }

    public void Dispose() { }
}

/// <summary>Design A: Connection=shared, one explicit transaction per batch.</summary>
sealed class SharedSink : ISink
{
    readonly LiteDatabase _db;
    readonly ILiteCollection<BsonDocument> _col;

    public SharedSink(string dbPath, bool indexes)
    {
        _db = new LiteDatabase($"Filename={dbPath};Connection=shared");
        _col = _db.GetCollection("events");
        if (indexes)
            Store.EnsureIndexes(_col);
    }

    public void Write(List<BsonDocument> batch)
    {
        _db.BeginTrans();
        _col.Insert(batch);
        _db.Commit();
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>Design B: append BSON documents to a per-process journal, fsync per batch; merge at the end.
/// Without merge ("J") it isolates the journal-append cost.</summary>
sealed class JournalSink : ISink
{
    readonly FileStream _fs;
    readonly string _dir;
    readonly bool _indexes,
        _merge;

    public JournalSink(string dir, bool indexes, bool merge)
    {
        _dir = dir;
        _indexes = indexes;
        _merge = merge;
        string name = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        string temp = Path.Combine(Store.JournalDir(dir), name + ".new");
        // FileShare.None takes flock(LOCK_EX) on Unix: a merger can tell a live journal from a dead one.
        _fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        // Renamed only once locked, so a merger never sees an unlocked live journal.
        File.Move(temp, Path.Combine(Store.JournalDir(dir), name + Store.JournalExt));
    }

    public void Write(List<BsonDocument> batch)
    {
        foreach (var doc in batch)
            _fs.Write(BsonSerializer.Serialize(doc));
        _fs.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        _fs.Dispose();
        if (_merge)
            Store.Merge(_dir, _indexes, TimeSpan.FromMinutes(5));
    }
}

using LiteDB;

static class Store
{
    public const string JournalExt = ".bsonj";

    public static string DbPath(string dir) => Path.Combine(dir, "events.db");

    public static string JournalDir(string dir) => Path.Combine(dir, "journals");

    static string LockPath(string dir) => Path.Combine(dir, "events.lock");

    public static void EnsureIndexes(ILiteCollection<BsonDocument> col)
    {
        col.EnsureIndex("run_id", "$.run_id");
        col.EnsureIndex("ts", "$.ts");
    }

    /// <summary>Design B merge: under an exclusive lock file, insert every journal whose writer is gone, then delete it.</summary>
    public static int Merge(string dir, bool indexes, TimeSpan wait)
    {
        using var lockFile = AcquireLock(LockPath(dir), wait);
        using var db = new LiteDatabase($"Filename={DbPath(dir)};Connection=direct");
        var col = db.GetCollection("events");
        var merged = db.GetCollection("journals");
        if (indexes)
            EnsureIndexes(col);
        int total = 0;
        foreach (string file in Directory.GetFiles(JournalDir(dir), "*" + JournalExt).Order())
        {
            FileStream fs;
            try
            {
                fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (IOException)
            {
                continue;
            } // still locked: its writer is alive
            using (fs)
            {
                string name = Path.GetFileName(file);
                if (merged.FindById(name) == null) // not merged by an earlier merger that died before deleting
                {
                    var docs = ReadJournal(fs);
                    db.BeginTrans();
                    col.Insert(docs);
                    merged.Insert(new BsonDocument { ["_id"] = name, ["count"] = docs.Count });
                    db.Commit();
                    total += docs.Count;
                }
                File.Delete(file);
            }
        }
        return total;
    }

    /// <summary>Reads length-prefixed BSON documents; stops at a torn tail (a write cut by a kill).</summary>
    static List<BsonDocument> ReadJournal(FileStream fs)
    {
        var bytes = new byte[fs.Length];
        fs.ReadExactly(bytes);
        var docs = new List<BsonDocument>();
        int pos = 0;
        while (bytes.Length - pos >= 5)
        {
            int len = BitConverter.ToInt32(bytes, pos);
            if (len < 5 || len > bytes.Length - pos)
                break;
            try
            {
                docs.Add(BsonSerializer.Deserialize(bytes[pos..(pos + len)]));
            }
            catch (Exception)
            {
                break;
            }
            pos += len;
        }
        return docs;
    }

    static FileStream AcquireLock(string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
        }
    }
}

using LiteDB;

static class Verify
{
    public sealed record Result(
        long Scan,
        long Duplicates,
        long IndexRunId,
        long IndexTs,
        long JournalsLeft,
        Dictionary<string, HashSet<int>> Seqs,
        string? Error
    );

    /// <summary>Full scan plus index-driven counts. Opened in the mode the design uses.</summary>
    public static Result Check(string dir, bool indexes, string connection)
    {
        try
        {
            long left = Directory.Exists(Store.JournalDir(dir))
                ? Directory.GetFiles(Store.JournalDir(dir), "*" + Store.JournalExt).Length
                : 0;
            if (!File.Exists(Store.DbPath(dir)))
                return new(0, 0, -1, -1, left, new(), "no database file");
            using var db = new LiteDatabase($"Filename={Store.DbPath(dir)};Connection={connection}");
            var col = db.GetCollection("events");
            var seqs = new Dictionary<string, HashSet<int>>();
            long scan = 0,
                dup = 0;
            foreach (var d in col.FindAll())
            {
                scan++;
                string w = d["w"].AsString;
                if (!seqs.TryGetValue(w, out var set))
                    seqs[w] = set = new HashSet<int>();
                if (!set.Add(d["seq"].AsInt32))
                    dup++;
            }
            long byRun = -1,
                byTs = -1;
            if (indexes)
            {
                byRun = col.Count(Query.GTE("run_id", BsonValue.MinValue));
                byTs = col.Count(Query.GTE("ts", BsonValue.MinValue));
            }
            return new(scan, dup, byRun, byTs, left, seqs, null);
        }
        catch (Exception e)
        {
            return new(0, 0, -1, -1, -1, new(), e.GetType().Name + ": " + e.Message);
        }
    }

    public static string Plan(string dir)
    {
        using var db = new LiteDatabase($"Filename={Store.DbPath(dir)};Connection=direct");
        return db.GetCollection("events").Query().Where(Query.GTE("run_id", BsonValue.MinValue)).GetPlan().ToString();
    }
}

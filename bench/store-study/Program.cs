using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LiteDB;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string[] rest = args.Skip(1).ToArray();
return args.FirstOrDefault() switch
{
    "write" => Writer.Run(rest),
    "merge" => Report(Store.Merge(rest[0], rest[1] == "1", TimeSpan.FromMinutes(5))),
    "run" => Bench.Run(rest),
    "kill" => Bench.Kill(rest),
    "openread" => Bench.OpenRead(rest),
    "summarize" => Summary.Write(rest[0], rest[1]),
    _ => Usage(),
};

static int Report(int merged)
{
    Console.WriteLine($"merged {merged}");
    return 0;
}
static int Usage()
{
    Console.Error.WriteLine("usage: write|merge|run|kill|openread|summarize ... (see run.sh)");
    return 2;
}

static class Bench
{
    public static readonly string DataRoot = Environment.GetEnvironmentVariable("STORE_STUDY_DATA")
        ?? "/tmp/store-study-data";

    [StructLayout(LayoutKind.Sequential)]
    unsafe struct RUsage
    {
        public fixed long V[18];
    } // ru_utime, ru_stime (timeval each), then 14 longs

    [DllImport("libc", SetLastError = true)]
    static extern int getrusage(int who, out RUsage usage);

    /// <summary>user and sys seconds of all terminated, waited-for children (and their children).</summary>
    static unsafe (double User, double Sys) Children()
    {
        if (
            getrusage(
                -1 /* RUSAGE_CHILDREN */
                ,
                out var u
            ) != 0
        )
            throw new InvalidOperationException("getrusage");
        return (u.V[0] + u.V[1] / 1e6, u.V[2] + u.V[3] / 1e6);
    }

    static Process Start(bool report, params object[] args)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = report,
        };
        psi.ArgumentList.Add("write");
        foreach (var a in args)
            psi.ArgumentList.Add(Convert.ToString(a, CultureInfo.InvariantCulture)!);
        return Process.Start(psi)!;
    }

    static string NewDir(string tag)
    {
        string dir = Path.Combine(DataRoot, $"{tag}-{Guid.NewGuid():N}"[..Math.Min(tag.Length + 9, 80)]);
        Directory.CreateDirectory(Store.JournalDir(dir));
        return dir;
    }

    // run design procs perProc batch indexes round csv
    public static int Run(string[] a)
    {
        string design = a[0];
        int procs = int.Parse(a[1]),
            perProc = int.Parse(a[2]),
            batch = int.Parse(a[3]);
        bool idx = a[4] == "1";
        string round = a[5],
            csv = a[6];
        string dir = NewDir($"{design}{batch}i{a[4]}-{procs}x{perProc}");

        var before = Children();
        var sw = Stopwatch.StartNew();
        var ps = Enumerable.Range(0, procs).Select(i => Start(false, design, dir, i, perProc, batch, a[4], 0)).ToList();
        foreach (var p in ps)
            p.WaitForExit();
        sw.Stop();
        var after = Children();
        int failed = ps.Count(p => p.ExitCode != 0);

        long expected = (long)procs * perProc;
        var v = design is "none" or "J" ? null : Verify.Check(dir, idx, "direct");
        bool ok =
            failed == 0
            && (
                v == null
                || (
                    v.Error == null
                    && v.Scan == expected
                    && v.Duplicates == 0
                    && v.JournalsLeft == 0
                    && (!idx || (v.IndexRunId == v.Scan && v.IndexTs == v.Scan))
                )
            );
        string line = string.Join(
            ",",
            design,
            batch,
            idx ? 1 : 0,
            procs,
            perProc,
            round,
            sw.Elapsed.TotalSeconds.ToString("F3"),
            (after.User - before.User).ToString("F3"),
            (after.Sys - before.Sys).ToString("F3"),
            expected,
            v?.Scan ?? -1,
            v?.Duplicates ?? -1,
            v?.IndexRunId ?? -1,
            v?.IndexTs ?? -1,
            v?.JournalsLeft ?? -1,
            failed,
            ok ? 1 : 0,
            (v?.Error ?? "").Replace(',', ';')
        );
        if (!File.Exists(csv))
            File.WriteAllText(
                csv,
                "design,batch,idx,procs,per_proc,round,wall_s,user_s,sys_s,expected,scan,dup,idx_run,idx_ts,journals_left,failed,ok,error\n"
            );
        File.AppendAllText(csv, line + "\n");
        Console.WriteLine(line);
        Directory.Delete(dir, recursive: true);
        return ok ? 0 : 1;
    }

    // kill design batch indexes iterations csv: 3 writers of 20,000 events run to the end while a 4th is SIGKILLed mid-way.
    public static int Kill(string[] a)
    {
        string design = a[0];
        int batch = int.Parse(a[1]),
            iterations = int.Parse(a[3]);
        bool idx = a[2] == "1";
        string csv = a[4];
        const int others = 3,
            perOther = 20_000;
        var rnd = new Random(42);
        int bad = 0;
        if (!File.Exists(csv))
            File.WriteAllText(
                csv,
                "design,batch,idx,iteration,killed_after_reports,flushed_reported,victim_found,victim_missing,others_expected,others_found,dup,idx_ok,journals_left,others_failed,open_error,ok\n"
            );
        for (int it = 0; it < iterations; it++)
        {
            string dir = NewDir($"kill{design}{batch}");
            var rest = Enumerable
                .Range(1, others)
                .Select(i => Start(false, design, dir, i, perOther, batch, a[2], 0))
                .ToList();
            var victim = Start(true, design, dir, 0, 1_000_000, batch, a[2], 1);
            int killAfter = 2 + rnd.Next(12);
            long flushed = 0;
            int reports = 0;
            string? lineRead;
            while (reports < killAfter && (lineRead = victim.StandardOutput.ReadLine()) != null)
            {
                flushed = long.Parse(lineRead.Split(' ')[1]);
                reports++;
            }
            Thread.Sleep(rnd.Next(0, 20)); // land anywhere inside the next batch
            victim.Kill(); // SIGKILL on Unix
            while ((lineRead = victim.StandardOutput.ReadLine()) != null)
                flushed = long.Parse(lineRead.Split(' ')[1]);
            victim.WaitForExit();
            foreach (var p in rest)
                p.WaitForExit();
            int othersFailed = rest.Count(p => p.ExitCode != 0);

            if (design == "B") // the next merger picks up the dead writer's journal (its flock died with it)
            {
                var m = Process.Start(
                    new ProcessStartInfo(Environment.ProcessPath!, ["merge", dir, a[2]]) { UseShellExecute = false }
                )!;
                m.WaitForExit();
            }
            // Open the file the way the design's writers do.
            var v = Verify.Check(dir, idx, design == "A" ? "shared" : "direct");
            var victimSeqs = v.Seqs.GetValueOrDefault("w0") ?? new HashSet<int>();
            long missing = Enumerable.Range(0, (int)flushed).LongCount(s => !victimSeqs.Contains(s));
            long othersFound = v.Seqs.Where(kv => kv.Key != "w0").Sum(kv => (long)kv.Value.Count);
            bool idxOk = !idx || (v.IndexRunId == v.Scan && v.IndexTs == v.Scan);
            bool ok =
                v.Error == null
                && missing == 0
                && othersFound == others * perOther
                && v.Duplicates == 0
                && idxOk
                && v.JournalsLeft == 0
                && othersFailed == 0;
            if (!ok)
                bad++;
            string line = string.Join(
                ",",
                design,
                batch,
                idx ? 1 : 0,
                it,
                killAfter,
                flushed,
                victimSeqs.Count,
                missing,
                others * perOther,
                othersFound,
                v.Duplicates,
                idxOk ? 1 : 0,
                v.JournalsLeft,
                othersFailed,
                (v.Error ?? "").Replace(',', ';'),
                ok ? 1 : 0
            );
            File.AppendAllText(csv, line + "\n");
            Console.WriteLine(line);
            Directory.Delete(dir, recursive: true);
        }
        return bad == 0 ? 0 : 1;
    }

    // openread csv: cost of one shared-mode operation (open + op + close) against files of growing size.
    public static int OpenRead(string[] a)
    {
        string csv = a[0];
        File.WriteAllText(csv, "events_in_file,file_mb,operation,median_ms,p90_ms,samples\n");
        foreach (int size in new[] { 5_000, 50_000, 500_000 })
        {
            string dir = NewDir($"open{size}");
            string path = Store.DbPath(dir);
            const string runId = "run-0";
            using (var db = new LiteDatabase($"Filename={path};Connection=direct"))
            {
                var col = db.GetCollection("events");
                Store.EnsureIndexes(col);
                for (int i = 0; i < size; i += 5000)
                {
                    db.BeginTrans();
                    col.Insert(Enumerable.Range(i, 5000).Select(s => Events.Make("w0", runId, s)));
                    db.Commit();
                }
                db.Checkpoint();
            }
            double mb = new FileInfo(path).Length / 1048576.0;
            Measure(csv, size, mb, "shared: open + indexed read + close", 5, 40, () =>
            {
                using var db = new LiteDatabase($"Filename={path};Connection=shared");
                _ = db.GetCollection("events").FindOne(Query.EQ("run_id", runId));
            });
            Measure(csv, size, mb, "shared: open + insert tx of 100 + close", 3, 30, () =>
            {
                using var db = new LiteDatabase($"Filename={path};Connection=shared");
                var col = db.GetCollection("events");
                db.BeginTrans();
                col.Insert(Enumerable.Range(0, 100).Select(s => Events.Make("w9", "run-9", s)));
                db.Commit();
            });
            Measure(csv, size, mb, "direct: open + indexed read + close", 5, 40, () =>
            {
                using var db = new LiteDatabase($"Filename={path};Connection=direct");
                _ = db.GetCollection("events").FindOne(Query.EQ("run_id", runId));
            });
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    static void Measure(string csv, int size, double mb, string what, int warmup, int samples, Action op)
    {
        for (int i = 0; i < warmup; i++)
            op();
        var ms = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            var sw = Stopwatch.StartNew();
            op();
            ms.Add(sw.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        string line = $"{size},{mb:F1},{what},{ms[ms.Count / 2]:F2},{ms[(int)(ms.Count * 0.9)]:F2},{samples}";
        File.AppendAllText(csv, line + "\n");
        Console.WriteLine(line);
    }
}

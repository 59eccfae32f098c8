using System.Globalization;

/// <summary>Turns raw.csv into median tables (markdown).</summary>
static class Summary
{
    public static int Write(string csv, string outMd)
    {
        var rows = File.ReadAllLines(csv)
            .Skip(1)
            .Select(l => l.Split(','))
            .Select(c => new
            {
                Design = c[0],
                Batch = int.Parse(c[1]),
                Idx = c[2] == "1",
                Procs = int.Parse(c[3]),
                PerProc = int.Parse(c[4]),
                Wall = D(c[6]),
                Cpu = D(c[7]) + D(c[8]),
                Expected = long.Parse(c[9]),
                Ok = c[16] == "1",
            })
            .ToList();
        var baseline = rows.Where(r => r.Design == "none")
            .GroupBy(r => (r.Procs, r.PerProc))
            .ToDictionary(g => g.Key, g => Median(g.Select(r => r.Cpu)));
        var w = new StringWriter();
        foreach (int perProc in rows.Select(r => r.PerProc).Distinct().Order())
        {
            w.WriteLine($"### {perProc:N0} events per process\n");
            w.WriteLine(
                "| design | batch | indexes | procs | events | runs ok | wall s | events/s | CPU s | CPU µs/event | net CPU µs/event |"
            );
            w.WriteLine("|---|---:|---|---:|---:|---|---:|---:|---:|---:|---:|");
            var groups = rows.Where(r => r.PerProc == perProc)
                .GroupBy(r => (r.Design, r.Batch, r.Idx, r.Procs))
                .OrderBy(g => g.Key.Design == "none" ? 0 : 1)
                .ThenBy(g => g.Key.Design)
                .ThenBy(g => g.Key.Idx)
                .ThenBy(g => g.Key.Batch)
                .ThenBy(g => g.Key.Procs);
            foreach (var g in groups)
            {
                long events = g.First().Expected;
                double wall = Median(g.Select(r => r.Wall)),
                    cpu = Median(g.Select(r => r.Cpu));
                double net = cpu - baseline.GetValueOrDefault((g.Key.Procs, perProc));
                string design = g.Key.Design switch
                {
                    "A" => "A shared",
                    "B" => "B journal+merge",
                    "J" => "B, journal only (no merge)",
                    _ => "baseline (no store)",
                };
                w.WriteLine(
                    $"| {design} | {g.Key.Batch} | {(g.Key.Design == "none" ? "-" : g.Key.Idx ? "run_id, ts" : "none")} | {g.Key.Procs} | {events:N0} | "
                        + $"{g.Count(r => r.Ok)}/{g.Count()} | {wall:F2} | {events / wall:N0} | {cpu:F2} | {cpu * 1e6 / events:F1} | "
                        + $"{(g.Key.Design == "none" ? "-" : (net * 1e6 / events).ToString("F1"))} |"
                );
            }
            w.WriteLine();
        }
        File.WriteAllText(outMd, w.ToString());
        Console.Write(w.ToString());
        return 0;
    }

    static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    static double Median(IEnumerable<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}

using System.Collections.Concurrent;
using LiteDB;

/// <summary>One writer process: the main thread makes events, one dedicated thread stores them in batches.</summary>
static class Writer
{
    // args: design dir writerIndex events batch indexes(0|1) report(0|1)
    public static int Run(string[] a)
    {
        string design = a[0],
            dir = a[1];
        string writer = "w" + a[2];
        int events = int.Parse(a[3]),
            batchSize = int.Parse(a[4]);
        bool indexes = a[5] == "1",
            report = a[6] == "1";
        string runId = Guid.NewGuid().ToString("N");

        var queue = new BlockingCollection<BsonDocument>(boundedCapacity: 4 * batchSize);
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                // Created on this thread: a shared-mode transaction must begin and commit on one thread.
                using ISink sink = design switch
                {
                    "none" => new NoneSink(),
                    "A" => new SharedSink(Store.DbPath(dir), indexes),
                    "B" => new JournalSink(dir, indexes, merge: true),
                    "J" => new JournalSink(dir, indexes, merge: false),
                    _ => throw new ArgumentException(design),
                };
                var batch = new List<BsonDocument>(batchSize);
                long flushed = 0;
                foreach (var doc in queue.GetConsumingEnumerable())
                {
                    batch.Add(doc);
                    if (batch.Count == batchSize)
                        Flush();
                }
                if (batch.Count > 0)
                    Flush();

                void Flush()
                {
                    sink.Write(batch);
                    flushed += batch.Count;
                    batch.Clear();
                    if (report)
                        Console.WriteLine($"flushed {flushed}");
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        for (int seq = 0; seq < events && thread.IsAlive; seq++)
            queue.Add(Events.Make(writer, runId, seq));
        queue.CompleteAdding();
        thread.Join();
        if (failure != null)
        {
            Console.Error.WriteLine(failure);
            return 1;
        }
        return 0;
    }
}

using Microsoft.Extensions.Time.Testing;
using Uet.Core.Events;
using Uet.TestLogger.Mtp;
using TestOutcome = Uet.Core.Events.TestOutcome;

namespace Uet.TestLogger.Tests.Mtp;

[TestClass]
public sealed class JournalTests
{
    private static readonly TestResultRecord Failure = new()
    {
        FullyQualifiedName = "Orders.OrderTests.Totals",
        DisplayName = "Totals",
        Outcome = TestOutcome.Failed,
        Duration = TimeSpan.FromMilliseconds(12.5),
        StartedAt = new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero),
        EndedAt = new DateTimeOffset(2026, 12, 8, 10, 0, 1, TimeSpan.Zero),
        Source = "/bin/Orders.Tests.dll",
        ErrorMessage = "Expected 10, was 12",
        ErrorStackTrace = "at Orders.OrderTests.Totals() in /src/OrderTests.cs:line 9",
        StandardOutput = "out",
        StandardError = "err",
        Traits = [new("Owner", "ana")],
        Categories = ["db"],
        Priority = 0,
        CodeFilePath = "/src/OrderTests.cs",
        LineNumber = 9,
    };

    [TestMethod]
    public void EveryEntryComesBackFromItsLine()
    {
        JournalEntry[] entries =
        [
            new JournalEntry.Host("/bin/Orders.Tests.dll", ".NETCoreApp,Version=v10.0"),
            new JournalEntry.Started("Orders.OrderTests.Totals"),
            new JournalEntry.Finished(Failure),
            new JournalEntry.Ended(Canceled: true, TimeSpan.FromSeconds(3)),
        ];

        foreach (var entry in entries)
        {
            var back = JournalEntry.Parse(entry.ToJson().ToJsonString());
            if (entry is JournalEntry.Finished finished)
            {
                var result = ((JournalEntry.Finished)back!).Result;
                Assert.AreEqual(
                    finished.Result with
                    {
                        Traits = [],
                        Categories = [],
                    },
                    result with
                    {
                        Traits = [],
                        Categories = [],
                    }
                );
                CollectionAssert.AreEqual(finished.Result.Traits.ToArray(), result.Traits.ToArray());
                CollectionAssert.AreEqual(finished.Result.Categories.ToArray(), result.Categories.ToArray());
            }
            else
            {
                Assert.AreEqual(entry, back);
            }
        }
    }

    [TestMethod]
    public void ALineCutShortOrForeignIsNoEntry()
    {
        var line = new JournalEntry.Finished(Failure).ToJson().ToJsonString();

        Assert.IsNull(JournalEntry.Parse(line[..(line.Length / 2)]));
        Assert.IsNull(JournalEntry.Parse("""{"something":"else"}"""));
        Assert.IsNull(JournalEntry.Parse("not json"));
    }

    [TestMethod]
    public void TheReaderGetsEachLineOnceWhenItIsComplete()
    {
        using var folder = new TempFolder("uet-journal-");
        var path = Path.Combine(folder.Path, "journal.jsonl");
        using var reader = new JournalReader(path);
        Assert.AreEqual(0, reader.ReadNew().Count, "no journal yet");
        var started = new JournalEntry.Started("Orders.OrderTests.Totals").ToJson().ToJsonString();
        var finished = new JournalEntry.Finished(Failure).ToJson().ToJsonString();

        File.AppendAllText(path, started + "\n" + finished[..10]);
        var first = reader.ReadNew();
        File.AppendAllText(path, finished[10..] + "\n");
        var second = reader.ReadNew();

        Assert.AreEqual(new JournalEntry.Started("Orders.OrderTests.Totals"), first.Single());
        Assert.AreEqual(Failure.FullyQualifiedName, ((JournalEntry.Finished)second.Single()).Result.FullyQualifiedName);
        Assert.AreEqual(0, reader.ReadNew().Count);
    }

    [TestMethod]
    public void WhatTheWriterWroteIsInTheFileWithinAPollIntervalAndTheReplyComesBackWhole()
    {
        using var folder = new TempFolder("uet-journal-");
        var path = Path.Combine(folder.Path, "journal.jsonl");
        var clock = new FakeTimeProvider();
        using (var writer = new JournalWriter(path, clock))
        {
            using var reader = new JournalReader(path);
            writer.Write(new JournalEntry.Started("A"));
            Assert.AreEqual(0, reader.ReadNew().Count, "buffered");
            // Not disposed, as when the host dies: within one poll interval the line is in the file.
            clock.Advance(HostJournal.PollInterval);
            Assert.AreEqual(new JournalEntry.Started("A"), reader.ReadNew().Single());
            writer.Write(new JournalEntry.Started("B"));
        }
        using (var reader = new JournalReader(path))
        {
            Assert.AreEqual(2, reader.ReadNew().Count, "the end writes the rest");
        }

        Assert.IsNull(HostJournal.TryReadReply(HostJournal.ReplyPath(path)));
        HostJournal.WriteReply(path, new RunEnd(["Uet: line"], ["/r/fix-tasks.md"]));
        var reply = HostJournal.TryReadReply(HostJournal.ReplyPath(path))!;
        CollectionAssert.AreEqual(new[] { "Uet: line" }, reply.Lines.ToArray());
        CollectionAssert.AreEqual(new[] { "/r/fix-tasks.md" }, reply.Files.ToArray());
    }
}

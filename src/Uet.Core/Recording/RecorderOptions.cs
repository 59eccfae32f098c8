using Uet.Core.Ledger;
using Uet.Core.Store;

namespace Uet.Core.Recording;

/// <summary>Where and how a <see cref="RunRecorder"/> writes.</summary>
public sealed record RecorderOptions
{
    /// <summary>Where the store is (a path or a URI, as its opener takes it).</summary>
    public required string StorePath { get; init; }

    /// <summary>Opens the store at <see cref="StorePath"/>.</summary>
    public required StoreOpener OpenStore { get; init; }

    /// <summary>The clock every event's time comes from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where the JSONL file goes when the store cannot be written (the test results folder).</summary>
    public required string FallbackDirectory { get; init; }

    /// <summary>Events written per transaction, at most.</summary>
    public int EventsPerTransaction { get; init; } = 10_000;

    /// <summary>Passed or skipped results per batch event.</summary>
    public int ResultsPerBatchEvent { get; init; } = 500;

    /// <summary>
    /// How long a result may wait before it is written: what a crash of the recorder can lose at most. Each write
    /// opens and closes the store (about 15 ms of CPU and 4 MB of garbage), so this is not shorter.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Turns the completed run into fix tasks, in the transaction of its last write; none: no fix tasks.</summary>
    public IFixTaskLedger? Ledger { get; init; }

    /// <summary>How long the end of the run waits for the writer before it gives up and says so.</summary>
    public static TimeSpan DefaultCompletionTimeout { get; } = TimeSpan.FromMinutes(2);

    public TimeSpan CompletionTimeout { get; init; } = DefaultCompletionTimeout;
}

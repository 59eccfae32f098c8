using Uet.Core.Runs;

namespace Uet.Core.Recording;

/// <summary>Where a run's record ended up, for the line the logger prints at the end of the run.</summary>
/// <param name="Run">The run as the recorder last wrote it.</param>
/// <param name="StorePath">The store, when it holds the whole run.</param>
/// <param name="FallbackPath">The JSONL file that holds the events the store could not take, if any.</param>
public sealed record RecordingOutcome(RunState Run, string? StorePath, string? FallbackPath);

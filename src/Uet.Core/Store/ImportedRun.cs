using Uet.Core.Runs;

namespace Uet.Core.Store;

/// <summary>What <see cref="IRunStore.Import"/> did for one run: its state now, the events added and those it already had.</summary>
public sealed record ImportedRun(RunState Run, int Added, int AlreadyStored);

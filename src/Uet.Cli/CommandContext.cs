using Uet.Core.Seams;
using Uet.Core.Store;
using Uet.Store.LiteDb;

namespace Uet.Cli;

/// <summary>What every command is handed: where it writes, what it reads of its process, its clock and its store.</summary>
public sealed record CommandContext(TextWriter Output, EnvironmentReader Environment, TimeProvider Clock)
{
    /// <summary>Opens the store a command reads (the LiteDB file).</summary>
    public StoreOpener OpenStore { get; init; } = LiteDbStore.Opener;

    /// <summary>The folder the command runs in, where the store is looked for.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public static CommandContext For(TextWriter output) => new(output, EnvironmentReader.Process, TimeProvider.System);
}

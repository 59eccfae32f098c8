using System.Text.Json.Nodes;

namespace Uet.Core.Runs;

/// <summary>What a recorder knows when a run starts.</summary>
public sealed record RunStart
{
    public required string SessionId { get; init; }
    public required string Project { get; init; }
    public string? TargetFramework { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The settings worth keeping with the run (logger parameters, results folder, ...).</summary>
    public JsonObject Settings { get; init; } = [];
    public required RecorderProcess Recorder { get; init; }
}

using NUlid;
using NUlid.Rng;

namespace Uet.Core.Events;

/// <summary>
/// ULIDs for runs, events and tasks. Monotonic within the process: two ids made in the same millisecond still
/// sort in the order they were made, so a run's events sort by id in the order the run wrote them.
/// </summary>
public static class Ids
{
    private static readonly MonotonicUlidRng Rng = new();
    private static readonly Lock Gate = new();

    public static string New()
    {
        // The monotonic generator keeps state between calls; it is not safe for concurrent use.
        lock (Gate)
        {
            return Ulid.NewUlid(Rng).ToString();
        }
    }

    public static bool IsValid(string? text) => text is { Length: 26 } && Ulid.TryParse(text, out _);
}

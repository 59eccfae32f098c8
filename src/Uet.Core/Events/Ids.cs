using NUlid;
using NUlid.Rng;

namespace Uet.Core.Events;

/// <summary>
/// ULIDs for runs, events and tasks. Monotonic within the process: two ids made in the same millisecond still
/// sort in the order they were made, so a run's events sort by id in the order the run wrote them. The random
/// part only has to make ids of different processes differ, not be secret: a plain seeded generator does, and
/// keeps the platform's crypto library out of vstest.console.
/// </summary>
public static class Ids
{
    private static readonly MonotonicUlidRng Rng = new(new SimpleUlidRng());
    private static readonly Lock Gate = new();

    public static string New()
    {
        // The monotonic generator keeps state between calls; it is not safe for concurrent use.
        lock (Gate)
        {
            return Ulid.NewUlid(Rng).ToString();
        }
    }
}

namespace Uet.Store.LiteDb;

/// <summary>
/// The cross-process lock that every Uet process takes around each use of a store file: a named mutex (the
/// operating system releases it when its holder dies, even by SIGKILL). It plays the part of LiteDB's shared mode,
/// whose mutex name is a SHA-1 of the path: SHA-1 loads the platform's crypto library into vstest.console, about
/// 5 MB of memory for a name. Here the name is an FNV-1a hash of the full path.
/// </summary>
internal sealed class StoreLock(string fullPath) : IDisposable
{
    private readonly Mutex _mutex = new(initiallyOwned: false, $"Global\\uet-store-{Fnv1a(fullPath):x16}");

    /// <summary>Waits for the lock; dispose the result on the same thread to release it.</summary>
    public Held Take()
    {
        try
        {
            _mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // The previous holder died inside a transaction: we hold the lock now, and LiteDB's log discards the
            // transaction it did not commit when the file is opened.
        }
        return new Held(_mutex);
    }

    public void Dispose() => _mutex.Dispose();

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    public readonly struct Held(Mutex mutex) : IDisposable
    {
        public void Dispose() => mutex.ReleaseMutex();
    }
}

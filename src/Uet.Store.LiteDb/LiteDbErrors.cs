using LiteDB;
using Uet.Core.Store;

namespace Uet.Store.LiteDb;

/// <summary>What went wrong with a store file, in words that name the file and say what to do.</summary>
internal static class LiteDbErrors
{
    public static StoreException Translate(string path, Exception e) =>
        e switch
        {
            StoreException known => known,
            UnauthorizedAccessException => new StoreException(
                $"{path}: the store cannot be written (permission denied): {e.Message}",
                e
            ),
            IOException io when IsDiskFull(io) => new StoreException($"{path}: the disk is full: {e.Message}", e),
            IOException => new StoreException(
                $"{path}: the store cannot be opened (locked by another program, or unreadable): {e.Message}",
                e
            ),
            // LiteDB reports a file it cannot parse with its own exception, or with whatever its parser ran into.
            _ when e is LiteException || ThrownInsideLiteDb(e) => new StoreException(
                $"{path}: the store is damaged or not a LiteDB file ({e.Message}). Move it away; Uet starts a new one.",
                e
            ),
            _ => new StoreException($"{path}: the store failed: {e.GetType().Name}: {e.Message}", e),
        };

    private static bool ThrownInsideLiteDb(Exception e) =>
        new System.Diagnostics.StackTrace(e)
            .GetFrames()
            .Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(LiteDatabase).Assembly);

    private static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 112; // ENOSPC, ERROR_DISK_FULL
}

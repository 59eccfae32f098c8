namespace Uet.Build.Tasks;

/// <summary>
/// Stamp files in obj/uet/ record a clean verdict. MSBuild compares their times with the inputs to skip the
/// gate; their content records what the verdict depended on (the schema and its fingerprint).
/// A file with findings gets no stamp, so its problems are reported again on the next build.
/// Stamps are only a shortcut: the inner builds of a multi-targeting project share them and may write one at the
/// same moment, so a stamp is replaced in one move, and a stamp that cannot be read or written means "validate".
/// </summary>
internal static class Stamps
{
    public static void Write(string? stampFile, bool clean, string content)
    {
        if (string.IsNullOrEmpty(stampFile))
        {
            return;
        }

        try
        {
            if (!clean)
            {
                File.Delete(stampFile);
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stampFile))!);
            var temporary = $"{stampFile}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllText(temporary, content);
            File.Move(temporary, stampFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the stamp the document is validated again next build: slower, never wrong.
        }
    }

    /// <summary>The stamp's content when it exists and is at least as new as <paramref name="input"/>; else null.</summary>
    public static string? ReadIfNewer(string? stampFile, string input) =>
        Read(stampFile) is { } stamp && File.GetLastWriteTimeUtc(stampFile!) >= File.GetLastWriteTimeUtc(input)
            ? stamp
            : null;

    private static string? Read(string? stampFile)
    {
        if (string.IsNullOrEmpty(stampFile))
        {
            return null;
        }

        try
        {
            return File.Exists(stampFile) ? File.ReadAllText(stampFile) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

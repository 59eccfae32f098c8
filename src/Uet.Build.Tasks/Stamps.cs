namespace Uet.Build.Tasks;

/// <summary>
/// Stamp files in obj/uet/ record a clean verdict. MSBuild compares their times with the inputs to skip the
/// gate; their content records what the verdict depended on (the schema and its fingerprint).
/// A file with findings gets no stamp, so its problems are reported again on the next build.
/// </summary>
internal static class Stamps
{
    public static void Write(string? stampFile, bool clean, string content)
    {
        if (string.IsNullOrEmpty(stampFile)) return;
        if (!clean)
        {
            if (File.Exists(stampFile)) File.Delete(stampFile);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stampFile))!);
        File.WriteAllText(stampFile, content);
    }

    /// <summary>True when the stamp exists, is newer than <paramref name="input"/> and holds <paramref name="content"/>.</summary>
    public static bool IsCurrent(string? stampFile, string input, string content)
    {
        if (string.IsNullOrEmpty(stampFile) || !File.Exists(stampFile)) return false;
        return File.GetLastWriteTimeUtc(stampFile) >= File.GetLastWriteTimeUtc(input) && File.ReadAllText(stampFile) == content;
    }

    public static string? ReadFirstLine(string? stampFile) =>
        !string.IsNullOrEmpty(stampFile) && File.Exists(stampFile) ? File.ReadLines(stampFile).FirstOrDefault() : null;
}

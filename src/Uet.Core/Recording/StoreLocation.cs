namespace Uet.Core.Recording;

/// <summary>
/// Where the store lives. One store per repository, so that history accumulates across runs: walking up from the
/// test assembly's folder, the first folder with a solution (<c>*.sln</c>, <c>*.slnx</c>) or a <c>.git</c> entry
/// gets <c>.uet/uet.db</c>; outside any repository, the nearest folder with a project file does. An explicit path
/// (logger parameter <c>DbPath</c>, then <c>UET_DB_PATH</c>) wins.
/// </summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "UET_DB_PATH";
    public const string FolderName = ".uet";
    public const string FileName = "uet.db";

    public static string Resolve(string? parameter, string? environment, string startDirectory)
    {
        var explicitPath = !string.IsNullOrWhiteSpace(parameter) ? parameter : environment;
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }
        var root = FindUp(startDirectory, IsRepositoryRoot)
            ?? FindUp(startDirectory, IsProjectFolder)
            ?? Path.GetFullPath(startDirectory);
        return Path.Combine(root, FolderName, FileName);
    }

    private static string? FindUp(string startDirectory, Func<DirectoryInfo, bool> isWanted)
    {
        for (
            var directory = new DirectoryInfo(Path.GetFullPath(startDirectory));
            directory is not null;
            directory = directory.Parent
        )
        {
            if (directory.Exists && isWanted(directory))
            {
                return directory.FullName;
            }
        }
        return null;
    }

    private static bool IsRepositoryRoot(DirectoryInfo directory) =>
        Directory.Exists(Path.Combine(directory.FullName, ".git"))
        || File.Exists(Path.Combine(directory.FullName, ".git"))
        || directory.EnumerateFiles("*.sln").Any()
        || directory.EnumerateFiles("*.slnx").Any();

    private static bool IsProjectFolder(DirectoryInfo directory) => directory.EnumerateFiles("*.*proj").Any();
}

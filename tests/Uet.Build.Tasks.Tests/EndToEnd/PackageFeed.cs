using System.Globalization;

namespace Uet.Build.Tasks.Tests.EndToEnd;

/// <summary>
/// Packs Uet.Build.Tasks once per test run into a local folder feed, with a version of its own, and gives the
/// run an isolated NuGet package folder: a consumer can only ever restore the package just packed.
/// </summary>
internal static class PackageFeed
{
    private static readonly Lazy<(string Feed, string Packages, string Version)> Packed = new(Pack);

    public static string Folder => Packed.Value.Feed;
    public static string PackagesFolder => Packed.Value.Packages;
    public static string Version => Packed.Value.Version;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    private static (string, string, string) Pack()
    {
        var root = Path.Combine(Path.GetTempPath(), "uet-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var feed = Path.Combine(root, "feed");
        var packages = Path.Combine(root, "packages");
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var (exitCode, output) = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(RepositoryRoot, "src", "Uet.Build.Tasks", "Uet.Build.Tasks.csproj"), "-c", "Release", "-o", feed,
             $"-p:Version={version}", "-nodeReuse:false", "--disable-build-servers"],
            RepositoryRoot, new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" }, TimeSpan.FromMinutes(5));
        if (exitCode != 0) throw new InvalidOperationException($"dotnet pack failed:\n{output}");
        return (feed, packages, version);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Uet.Build.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("the tests run outside the repository: Uet.Build.sln not found above " + AppContext.BaseDirectory);
    }
}

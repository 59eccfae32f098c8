using System.Collections.Concurrent;
using System.Globalization;

namespace Uet.Tests.Shared;

/// <summary>
/// Packs Uet's packages into one local folder feed per test run, with a version of their own, and gives the run an
/// isolated NuGet package folder: a consumer can only ever restore the packages just packed. Compiled into each
/// test project; each package is packed once, on first use.
/// </summary>
internal static class PackageFeed
{
    private static readonly string Root = Path.Combine(
        Path.GetTempPath(),
        "uet-e2e-" + Guid.NewGuid().ToString("N")[..8]
    );
    private static readonly ConcurrentDictionary<string, Lazy<string>> Packed = new();

    public static string Folder { get; } = Path.Combine(Root, "feed");
    public static string PackagesFolder { get; } = Path.Combine(Root, "packages");
    public static string Version { get; } =
        "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = PackagesFolder,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };

    /// <summary>Packs src/NAME into the feed (once per test run) and returns the feed folder.</summary>
    public static string With(string project) =>
        Packed.GetOrAdd(project, name => new Lazy<string>(() => Pack(name))).Value;

    private static string Pack(string project)
    {
        var (exitCode, output) = ProcessRunner.Run(
            "dotnet",
            [
                "pack",
                Path.Combine(RepositoryRoot, "src", project, project + ".csproj"),
                "-c",
                "Release",
                "-o",
                Folder,
                $"-p:Version={Version}",
                "-nodeReuse:false",
                "--disable-build-servers",
            ],
            RepositoryRoot,
            new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" },
            TimeSpan.FromMinutes(5)
        );
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
        }

        return Folder;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Uet.Build.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            "the tests run outside the repository: Uet.Build.sln not found above " + AppContext.BaseDirectory
        );
    }
}

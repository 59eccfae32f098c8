namespace Uet.TestLogger.IntegrationTests;

/// <summary>
/// One of the test projects in tests/samples/logger, copied to a temp folder with a nuget.config that offers the
/// freshly packed Uet.TestLogger, and run with the real `dotnet test`.
/// </summary>
internal sealed class LoggerSample : IDisposable
{
    private readonly TempFolder _folder = new("uet-logger-e2e-");

    public LoggerSample(string name)
    {
        CopyFolder(Path.Combine(PackageFeed.RepositoryRoot, "tests", "samples", "logger", name), _folder.Path);
        // Packages other than ours come from the machine's package folder when it has them, else from nuget.org.
        var machinePackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(
                System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile),
                ".nuget",
                "packages"
            );
        _folder.Write(
            "nuget.config",
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="uet-local" value="{PackageFeed.With("Uet.TestLogger")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """
        );
        _folder.Write(
            "Directory.Build.props",
            $"""
            <Project>
              <PropertyGroup>
                <UetTestLoggerVersion>{PackageFeed.Version}</UetTestLoggerVersion>
              </PropertyGroup>
            </Project>
            """
        );
    }

    public string Folder => _folder.Path;

    public string StorePath => Path.Combine(Folder, "store", "uet.db");

    /// <summary>
    /// `dotnet test TARGET --logger LOGGER [ARGUMENTS]`; by default the logger writes to <see cref="StorePath"/>.
    /// </summary>
    public (int ExitCode, string Output) Test(
        string target,
        string? logger = null,
        IReadOnlyDictionary<string, string>? environment = null,
        params string[] arguments
    ) =>
        ProcessRunner.Run(
            "dotnet",
            [
                "test",
                target,
                "--logger",
                logger ?? $"uet;DbPath={StorePath}",
                .. arguments,
                "-nodeReuse:false",
                "--disable-build-servers",
            ],
            Folder,
            environment is null ? PackageFeed.Environment : PackageFeed.Environment.Concat(environment).ToDictionary(),
            TimeSpan.FromMinutes(5)
        );

    public void Dispose() => _folder.Dispose();

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

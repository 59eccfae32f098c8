namespace Uet.TestLogger.IntegrationTests;

/// <summary>
/// One of the test projects in tests/samples/logger (VSTest) or tests/samples/platform (Microsoft.Testing.Platform),
/// copied to a temp folder with a nuget.config that offers the freshly packed Uet.TestLogger, and run with the real
/// `dotnet test` or `dotnet run`.
/// </summary>
internal sealed class LoggerSample : IDisposable
{
    private readonly TempFolder _folder = new("uet-logger-e2e-");

    public LoggerSample(string name)
        : this("logger", name) { }

    /// <param name="kind">The folder of tests/samples the sample is in.</param>
    public LoggerSample(string kind, string name)
    {
        CopyFolder(Path.Combine(PackageFeed.RepositoryRoot, "tests", "samples", kind, name), _folder.Path);
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

    /// <summary>
    /// `dotnet ARGUMENTS` in the sample's folder, with the feed's environment (no node reuse) and
    /// <paramref name="environment"/>; nothing is added to the arguments (in the platform's mode, dotnet test hands
    /// options it does not know to the test applications).
    /// </summary>
    public (int ExitCode, string Output) Dotnet(
        IReadOnlyDictionary<string, string>? environment,
        params string[] arguments
    ) =>
        ProcessRunner.Run(
            "dotnet",
            arguments,
            Folder,
            environment is null ? PackageFeed.Environment : PackageFeed.Environment.Concat(environment).ToDictionary(),
            TimeSpan.FromMinutes(5)
        );

    /// <summary>Copies another sample's folder into this one (to run one project on both platforms).</summary>
    public void Add(string kind, string name, string into) =>
        CopyFolder(
            Path.Combine(PackageFeed.RepositoryRoot, "tests", "samples", kind, name),
            Path.Combine(Folder, into)
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

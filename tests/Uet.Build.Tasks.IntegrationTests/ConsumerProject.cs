namespace Uet.Build.Tasks.IntegrationTests;

/// <summary>
/// A project in a temp folder that references the packed Uet.Build.Tasks through a nuget.config of its own
/// (the local feed only), built with the real dotnet CLI.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private readonly TempFolder _folder = new("uet-consumer-");

    /// <param name="extraProjectContent">XML added inside the project element.</param>
    /// <param name="properties">XML added inside its property group.</param>
    /// <param name="targetFrameworks">One target framework, or several separated by ';' for a multi-targeting project.</param>
    public ConsumerProject(string extraProjectContent = "", string properties = "", string targetFrameworks = "net10.0")
    {
        var frameworks = targetFrameworks.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        Write(
            "nuget.config",
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="uet-local" value="{PackageFeed.With("Uet.Build.Tasks")}" />
              </packageSources>
            </configuration>
            """
        );
        Write(
            "Consumer.csproj",
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Uet.Build.Tasks" Version="{PackageFeed.Version}" PrivateAssets="all" />
              </ItemGroup>
              {extraProjectContent}
            </Project>
            """
        );
    }

    public string Folder => _folder.Path;

    public string Write(string relativePath, string content) => _folder.Write(relativePath, content);

    /// <summary>Rewrites a file and moves its time forward, so that MSBuild sees it as newer than any stamp.</summary>
    public void Change(string relativePath, string content)
    {
        var file = Write(relativePath, content);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(2));
    }

    public BuildResult Build(params string[] arguments) => Run("build", arguments);

    public BuildResult Run(string command, params string[] arguments)
    {
        var (exitCode, output) = ProcessRunner.Run(
            "dotnet",
            [command, "-nodeReuse:false", "--disable-build-servers", "-v:n", "-clp:NoSummary", .. arguments],
            Folder,
            PackageFeed.Environment,
            TimeSpan.FromMinutes(5)
        );
        return new BuildResult(exitCode, output, Folder);
    }

    public void Dispose() => _folder.Dispose();
}

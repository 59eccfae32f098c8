namespace Uet.TestLogger.Recording;

/// <summary>Turns the platform's framework names (".NETCoreApp,Version=v10.0") into the TFMs users write ("net10.0").</summary>
internal static class FrameworkNames
{
    private const string VersionMark = ",Version=v";

    public static string? Short(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var mark = name.IndexOf(VersionMark, StringComparison.Ordinal);
        var version = mark < 0 ? "" : name[(mark + VersionMark.Length)..];
        if (!Version.TryParse(version, out var parsed))
        {
            return name;
        }
        return name[..mark] switch
        {
            ".NETCoreApp" when parsed.Major >= 5 => $"net{version}",
            ".NETCoreApp" => $"netcoreapp{version}",
            ".NETFramework" => $"net{version.Replace(".", "", StringComparison.Ordinal)}",
            _ => name,
        };
    }
}

using System.Text.RegularExpressions;

namespace Uet.TestLogger;

/// <summary>Turns the platform's framework names (".NETCoreApp,Version=v10.0") into the TFMs users write ("net10.0").</summary>
internal static partial class FrameworkNames
{
    public static string? Short(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var match = FrameworkPattern().Match(name);
        if (!match.Success)
        {
            return name;
        }
        var version = match.Groups["version"].Value;
        return match.Groups["family"].Value switch
        {
            ".NETCoreApp" when int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) >= 5 => $"net{version}",
            ".NETCoreApp" => $"netcoreapp{version}",
            ".NETFramework" => $"net{version.Replace(".", "", StringComparison.Ordinal)}",
            _ => name,
        };
    }

    [GeneratedRegex(@"^(?<family>\.NETCoreApp|\.NETFramework),Version=v(?<version>\d+(\.\d+)*)$")]
    private static partial Regex FrameworkPattern();
}

using System.Reflection;

namespace Uet.TestLogger.Mtp;

/// <summary>What the platform is told about Uet's extensions.</summary>
internal static class ExtensionInfo
{
    public static string Version { get; } =
        typeof(ExtensionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";
}

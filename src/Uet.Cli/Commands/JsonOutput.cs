using System.Text.Encodings.Web;
using System.Text.Json;

namespace Uet.Cli.Commands;

internal static class JsonOutput
{
    /// <summary>Indented, and without escaping non-ASCII text, so that test names and messages stay readable.</summary>
    public static JsonSerializerOptions Indented { get; } =
        new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

using System.Text;

namespace Uet.Tests.Shared;

/// <summary>A folder under the system temp folder, deleted with everything in it when disposed. Compiled into each test project.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "uet-tests-") =>
        Directory.CreateDirectory(
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12])
        );

    public string Path { get; }

    public string Write(string relativePath, string content) =>
        Write(relativePath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        { /* a file still held by a build node on a slow machine: the OS cleans temp folders */
        }
    }
}

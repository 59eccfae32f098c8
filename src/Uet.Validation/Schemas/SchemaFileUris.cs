namespace Uet.Validation.Schemas;

/// <summary>
/// User schema files without an absolute <c>$id</c> are known by a synthetic https URI made from their path.
/// A <c>file://</c> base would let a broken cross-file <c>$ref</c> pass unnoticed; this one resolves only
/// inside the loaded set, and maps back to the file so the gate can say which file a reference wanted.
/// </summary>
public static class SchemaFileUris
{
    private const string Prefix = "https://uet.invalid/fs";

    public static Uri For(string path) => new(Prefix + new Uri(Path.GetFullPath(path)).AbsolutePath);

    /// <summary>The file a synthetic or <c>file:</c> URI stands for; null for any other URI.</summary>
    public static string? PathOf(Uri uri)
    {
        if (uri.IsFile)
        {
            return uri.LocalPath;
        }

        if (!uri.AbsoluteUri.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath["/fs".Length..]);
        // Windows paths come back as /C:/dir/file.json.
        return path.Length > 2 && path[2] == ':' ? path[1..] : path;
    }
}

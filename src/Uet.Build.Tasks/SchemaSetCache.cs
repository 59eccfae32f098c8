using Uet.Validation.Schemas;

namespace Uet.Build.Tasks;

/// <summary>
/// MSBuild keeps its nodes alive between projects and builds: a schema set loaded for one project serves the
/// next one that names the same schema files, as long as none of them changed on disk.
/// </summary>
internal static class SchemaSetCache
{
    private static readonly Lock Gate = new();
    private static (string Key, SchemaSet Set)? _last;

    public static SchemaSet Get(IReadOnlyCollection<string> schemaFiles)
    {
        var key = string.Join("|", schemaFiles.Select(Path.GetFullPath).Order(StringComparer.Ordinal).Select(Describe));
        lock (Gate)
        {
            if (_last is { } last && last.Key == key)
            {
                return last.Set;
            }

            var set = SchemaSetLoader.Load(schemaFiles);
            _last = (key, set);
            return set;
        }
    }

    private static string Describe(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? $"{file}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : file + ":missing";
    }
}

namespace Uet.Build.Tasks;

/// <summary>Levenshtein distance, case-insensitive (MSBuild metadata names are), for spotting misspelt names.</summary>
internal static class EditDistance
{
    public static bool IsWithin(string a, string b, int most)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        if (Math.Abs(a.Length - b.Length) > most)
        {
            return false;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(
                    Math.Min(current[j - 1] + 1, previous[j] + 1),
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                );
            }
            previous = current;
        }
        return previous[b.Length] <= most;
    }
}

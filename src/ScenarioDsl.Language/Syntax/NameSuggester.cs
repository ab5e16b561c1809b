namespace ScenarioDsl.Language.Syntax;

/// <summary>Finds the closest known name for "did you mean ...?" hints (Damerau-Levenshtein, case-insensitive).</summary>
public static class NameSuggester
{
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == name) continue;
            // About one edit per three letters of the longer of the two: 'trun' (a swap and a missing letter) finds
            // 'turns'; measured on the name alone (4 letters, one edit) it did not.
            int limit = Math.Max(1, (Math.Max(name.Length, candidate.Length) + 1) / 3);
            int d = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d <= limit && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3) return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}

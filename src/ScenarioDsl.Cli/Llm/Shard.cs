using System.Globalization;

namespace ScenarioDsl.Cli.Llm;

/// <summary>
/// <c>--shard K/N</c>: the K-th of N disjoint, deterministic slices of a sweep. Jobs are ordered by their
/// resume key (scenario, seed, agent; ordinal), and shard K takes positions K-1, K-1+N, K-1+2N...: the
/// slices are balanced, cover every job exactly once, and do not depend on file enumeration order.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>K/N</c> with 1 &lt;= K &lt;= N.</summary>
    public static bool TryParse(string? text, out Shard shard, out string error)
    {
        shard = All;
        error = "";
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            error = $"--shard expects K/N (for example 2/4), not '{text}'";
            return false;
        }
        if (n < 1 || k < 1 || k > n)
        {
            error = $"--shard {text}: K must be between 1 and N";
            return false;
        }
        shard = new Shard(k, n);
        return true;
    }

    /// <summary>The items of this shard, in their original order.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        if (Count == 1) return items;
        var mine = items
            .Select((item, position) => (item, position, key: key(item)))
            .OrderBy(x => x.key, StringComparer.Ordinal)
            .Where((_, rank) => rank % Count == Index - 1)
            .Select(x => x.position)
            .ToHashSet();
        return items.Where((_, position) => mine.Contains(position)).ToArray();
    }

    public override string ToString() => $"{Index}/{Count}";
}

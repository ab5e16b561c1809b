namespace ScenarioDsl.Runtime.Definitions;

/// <summary>
/// The cues a scenario knows, sorted by name (ordinal), <c>mirroring</c> always included.
/// A cue's index in this table is its bit in a <see cref="CueSet"/>, so sets enumerate in name order.
/// At most <see cref="MaxCues"/> cues.
/// </summary>
public sealed class CueTable
{
    public const int MaxCues = ScenarioDsl.Language.Binding.Limits.MaxRuleCues + 1;

    public CueTable(IEnumerable<CueDefinition> cues)
    {
        var list = cues.Where(c => !c.IsMirroring).ToList();
        list.Add(CueDefinition.MirroringCue);
        var sorted = list.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        for (int i = 1; i < sorted.Length; i++)
            if (sorted[i].Name == sorted[i - 1].Name)
                throw new ArgumentException($"Cue '{sorted[i].Name}' is declared twice.", nameof(cues));
        if (sorted.Length > MaxCues)
            throw new ArgumentException($"A scenario can use at most {MaxCues} cues (mirroring included); got {sorted.Length}.", nameof(cues));
        Cues = sorted;
        MirroringIndex = Array.FindIndex(sorted, c => c.IsMirroring);
    }

    public IReadOnlyList<CueDefinition> Cues { get; }

    public int Count => Cues.Count;

    public int MirroringIndex { get; }

    public int IndexOf(string name)
    {
        for (int i = 0; i < Cues.Count; i++)
            if (Cues[i].Name == name) return i;
        return -1;
    }

    /// <summary>The names of the cues in <paramref name="set"/>, sorted by name.</summary>
    public string[] NamesOf(CueSet set)
    {
        var names = new string[set.Count];
        int n = 0;
        for (int i = 0; i < Cues.Count; i++)
            if (set.Contains(i)) names[n++] = Cues[i].Name;
        return names;
    }

    public CueSet SetOf(IEnumerable<string> names)
    {
        var set = CueSet.Empty;
        foreach (var name in names)
        {
            int i = IndexOf(name);
            if (i < 0) throw new ArgumentException($"Unknown cue '{name}'.", nameof(names));
            set = set.With(i);
        }
        return set;
    }
}

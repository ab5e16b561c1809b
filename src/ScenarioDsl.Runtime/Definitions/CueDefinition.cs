namespace ScenarioDsl.Runtime.Definitions;

/// <summary>An empathic cue and its phrases. The built-in <c>mirroring</c> cue has no phrases.</summary>
public sealed record CueDefinition(string Name, IReadOnlyList<string> Phrases)
{
    public const string Mirroring = "mirroring";

    public bool IsMirroring => Name == Mirroring;

    public static CueDefinition MirroringCue { get; } = new(Mirroring, Array.Empty<string>());
}

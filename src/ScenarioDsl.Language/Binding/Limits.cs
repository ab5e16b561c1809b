namespace ScenarioDsl.Language.Binding;

/// <summary>Limits of the sandbox that the binder checks, so that no valid file fails when it runs.</summary>
public static class Limits
{
    /// <summary>
    /// How many declared cues one persona's rules may name (EMPS3009). A scenario's cue table holds every declared cue
    /// when there are fewer than 64, else only its persona's rule cues, plus <c>mirroring</c>, in one 64-bit set
    /// (the runtime's <c>CueTable.MaxCues</c> is this plus one).
    /// </summary>
    public const int MaxRuleCues = 63;
}

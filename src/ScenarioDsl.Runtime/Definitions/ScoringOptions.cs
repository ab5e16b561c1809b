namespace ScenarioDsl.Runtime.Definitions;

public enum ScoringKind
{
    /// <summary>SPEC 2.3: alignment, impact, stability, progress, composite.</summary>
    Process,

    /// <summary>The EMPA paper's Energy-Process-Metric profile (EPM-Q), adapted (docs/runtime.md).</summary>
    Epm,
}

public enum EpmDirection
{
    /// <summary>The released code's fixed ideal direction u/|u|.</summary>
    Fixed,

    /// <summary>The paper's per-turn ideal direction (target - s_{t-1}) normalized.</summary>
    PerTurn,
}

/// <summary>Which scoring profile a goal uses, and for <c>epm</c> which ideal direction.</summary>
public sealed record ScoringOptions(ScoringKind Kind, EpmDirection Direction = EpmDirection.Fixed)
{
    public static ScoringOptions Process { get; } = new(ScoringKind.Process);

    public static ScoringOptions Epm(EpmDirection direction = EpmDirection.Fixed) => new(ScoringKind.Epm, direction);
}

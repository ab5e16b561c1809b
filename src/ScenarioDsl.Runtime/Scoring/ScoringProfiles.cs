namespace ScenarioDsl.Runtime.Scoring;

/// <summary>The scoring profiles this version computes, by the name results record (docs/runtime.md).</summary>
public static class ScoringProfiles
{
    /// <summary>
    /// The version this build scores <paramref name="profile"/> under (<c>process</c>: <see cref="ProcessScores.Version"/>,
    /// <c>epm</c>: <see cref="EpmScores.Version"/>); null for a name it does not know.
    /// </summary>
    public static string? CurrentVersion(string profile) => profile switch
    {
        ProcessScores.ProfileName => ProcessScores.Version,
        EpmScores.ProfileName => EpmScores.Version,
        _ => null,
    };
}

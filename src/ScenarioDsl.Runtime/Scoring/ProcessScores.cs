namespace ScenarioDsl.Runtime.Scoring;

/// <summary>The <c>process</c> profile's scores (SPEC 2.3).</summary>
public sealed record ProcessScores(
    double Alignment,
    double Impact,
    double ImpactNormalized,
    double Stability,
    double Progress,
    double Composite,
    bool Converged,
    int Turns) : IScores
{
    public const string ProfileName = "process";
    public const string Version = "1";

    public string Profile => ProfileName;

    public string ProfileVersion => Version;

    public double Headline => Composite;

    public IReadOnlyList<KeyValuePair<string, object>> Fields =>
    [
        new("alignment", Alignment),
        new("impact", Impact),
        new("impactNormalized", ImpactNormalized),
        new("stability", Stability),
        new("progress", Progress),
        new("composite", Composite),
        new("converged", Converged),
        new("turns", Turns),
    ];
}

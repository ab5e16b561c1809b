namespace ScenarioDsl.Runtime.Scoring;

/// <summary>
/// The <c>epm</c> profile's scores: the nine indices (each 0..100), the three component scores, EPM-Q,
/// the total projected work and the outcome (docs/runtime.md, "The epm profile").
/// </summary>
public sealed record EpmScores(
    double EpmQ,
    double Outcome,
    double Efficiency,
    double Stability,
    double EnergyTotal,
    EpmOutcome OutcomeKind,
    int OutcomeTurn,
    double IdxRdi,
    double IdxEtot,
    double IdxSnet,
    double IdxRho,
    double IdxSproj,
    double IdxTau,
    double IdxRpos,
    double IdxAlign,
    double IdxPen,
    double Rdi,
    int SNet,
    double Tortuosity,
    double MeanAlignment,
    double PenaltyRate,
    double StepScale,
    string Direction,
    bool Converged,
    int Turns) : IScores
{
    public const string ProfileName = "epm";
    public const string Version = "2";

    public string Profile => ProfileName;

    public string ProfileVersion => Version;

    public double Headline => EpmQ / 100.0;

    public static string OutcomeName(EpmOutcome outcome) => outcome switch
    {
        EpmOutcome.Success => "success",
        EpmOutcome.Failure => "failure",
        _ => "maxTurns",
    };

    public IReadOnlyList<KeyValuePair<string, object>> Fields =>
    [
        new("epmQ", EpmQ),
        new("outcome", Outcome),
        new("efficiency", Efficiency),
        new("stability", Stability),
        new("energyTotal", EnergyTotal),
        new("outcomeKind", OutcomeName(OutcomeKind)),
        new("outcomeTurn", OutcomeTurn),
        new("idxRdi", IdxRdi),
        new("idxEtot", IdxEtot),
        new("idxSnet", IdxSnet),
        new("idxRho", IdxRho),
        new("idxSproj", IdxSproj),
        new("idxTau", IdxTau),
        new("idxRpos", IdxRpos),
        new("idxAlign", IdxAlign),
        new("idxPen", IdxPen),
        new("rdi", Rdi),
        new("sNet", SNet),
        new("tortuosity", Tortuosity),
        new("meanAlignment", MeanAlignment),
        new("penaltyRate", PenaltyRate),
        new("stepScale", StepScale),
        new("direction", Direction),
        new("converged", Converged),
        new("turns", Turns),
    ];
}

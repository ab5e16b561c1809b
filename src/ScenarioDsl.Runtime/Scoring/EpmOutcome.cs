namespace ScenarioDsl.Runtime.Scoring;

/// <summary>How an <c>epm</c> run ended (EMPA's SUCCESS, EPM_FAILURE, MAX_TURNS).</summary>
public enum EpmOutcome
{
    Success,
    Failure,
    MaxTurns,
}

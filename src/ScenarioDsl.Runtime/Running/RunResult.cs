using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Runtime.Running;

/// <summary>One run: the trajectory s0..sn (full states in dimension order), the transcript and the scores.</summary>
public sealed class RunResult
{
    internal RunResult(Scenario scenario, string agent, int seed, IReadOnlyList<double[]> states, string opening, IReadOnlyList<TurnRecord> messages, bool converged, IScores scores)
    {
        Scenario = scenario;
        Agent = agent;
        Seed = seed;
        States = states;
        Opening = opening;
        Messages = messages;
        Converged = converged;
        Scores = scores;
    }

    public Scenario Scenario { get; }

    public string ScenarioName => Scenario.Name;

    public string Agent { get; }

    public int Seed { get; }

    /// <summary>s0 .. sn, each a full state in the space's dimension order.</summary>
    public IReadOnlyList<double[]> States { get; }

    public double[] FinalState => States[States.Count - 1];

    public string Opening { get; }

    /// <summary>Turns 1 .. n.</summary>
    public IReadOnlyList<TurnRecord> Messages { get; }

    public bool Converged { get; }

    public int Turns => States.Count - 1;

    public IScores Scores { get; }
}

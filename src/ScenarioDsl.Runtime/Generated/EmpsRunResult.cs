using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Runtime.Generated;

/// <summary>A run of a generated scenario: the untyped <see cref="RunResult"/> plus the typed trajectory.</summary>
public sealed class EmpsRunResult<TState> where TState : struct, IEmpsState<TState>
{
    public EmpsRunResult(RunResult result)
    {
        Result = result ?? throw new ArgumentNullException(nameof(result));
        var trajectory = new TState[result.States.Count];
        for (int i = 0; i < trajectory.Length; i++) trajectory[i] = TState.FromSpan(result.States[i]);
        Trajectory = trajectory;
    }

    /// <summary>The run as the run loop returned it (states as arrays, the scenario, the agent's name).</summary>
    public RunResult Result { get; }

    /// <summary>s0 .. sn as typed states.</summary>
    public IReadOnlyList<TState> Trajectory { get; }

    public TState Start => Trajectory[0];

    public TState Final => Trajectory[Trajectory.Count - 1];

    /// <summary>Turns 1 .. n: the agent's reply, the cues detected in it (sorted by name), the persona's answer.</summary>
    public IReadOnlyList<TurnRecord> Transcript => Result.Messages;

    public string Opening => Result.Opening;

    public IScores Scores => Result.Scores;

    /// <summary>The scores when the goal uses <c>scoring process</c> (the default); otherwise null.</summary>
    public ProcessScores? ProcessScores => Result.Scores as ProcessScores;

    /// <summary>The scores when the goal uses <c>scoring epm</c>; otherwise null.</summary>
    public EpmScores? EpmScores => Result.Scores as EpmScores;

    public bool Converged => Result.Converged;

    public int Turns => Result.Turns;

    public string Agent => Result.Agent;

    public int Seed => Result.Seed;

    public string ScenarioName => Result.ScenarioName;

    public override string ToString() => $"{ScenarioName} ({Agent}, seed {Seed}): {Turns} turns, converged {Converged}";
}

using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Cues;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;

namespace ScenarioDsl.Runtime.Running;

/// <summary>
/// A runnable scenario: a persona, a goal, a seed and the cue table the detector works over.
/// Immutable and thread safe: several runs (agents, seeds) may proceed at once.
/// </summary>
public sealed class Scenario
{
    public Scenario(
        string name,
        PersonaDefinition persona,
        GoalDefinition goal,
        int seed = 0,
        IEnumerable<CueDefinition>? cues = null,
        Func<CueTable, ICueDetector>? detector = null,
        string? suite = null)
    {
        if (!ReferenceEquals(persona.Space, goal.Space) && persona.Space.Name != goal.Space.Name)
            throw new ArgumentException($"Persona '{persona.Name}' and goal '{goal.Name}' are bound to different spaces.", nameof(goal));
        Name = name;
        Persona = persona;
        Goal = goal;
        Seed = seed;
        Suite = suite;
        Cues = new CueTable(cues ?? Array.Empty<CueDefinition>());
        Detector = detector is null ? new DefaultCueDetector(Cues) : detector(Cues);
        Dynamics = persona.CreateDynamics(Cues);
        CompiledStep = Dynamics is ICompiledStep step && step.IsCompiledFor(persona) ? step : null;
    }

    private Scenario(Scenario other, string name, int seed, string? suite)
    {
        Name = name;
        Persona = other.Persona;
        Goal = other.Goal;
        Seed = seed;
        Suite = suite;
        Cues = other.Cues;
        Detector = other.Detector;
        Dynamics = other.Dynamics;
        CompiledStep = other.CompiledStep;
        _fingerprint = other._fingerprint;
    }

    private string? _fingerprint;

    /// <summary>
    /// A digest of the declarations the scenario's runs depend on (<see cref="Results.DeclarationsFingerprint"/>), the same for
    /// every seed and name of it; results files record it so that an edit of the files since a run can be told.
    /// </summary>
    public string DeclarationsFingerprint => _fingerprint ??= Results.DeclarationsFingerprint.Of(this);

    /// <summary>The scenario's name; a suite case's name is <c>Persona_Goal_sSeed</c>.</summary>
    public string Name { get; }

    /// <summary>The suite this case belongs to, if any.</summary>
    public string? Suite { get; }

    public PersonaDefinition Persona { get; }

    public GoalDefinition Goal { get; }

    public SpaceDefinition Space => Persona.Space;

    public int Seed { get; }

    public CueTable Cues { get; }

    public ICueDetector Detector { get; }

    public IPersonaDynamics Dynamics { get; }

    /// <summary>
    /// The persona's compiled state update (generated code), which the run loop uses instead of
    /// <see cref="IPersonaDynamics.ApplyRules"/> plus <see cref="RunLoop.Step"/>; null for the interpreter, or when
    /// the dynamics were compiled for another persona definition.
    /// </summary>
    public ICompiledStep? CompiledStep { get; }

    public Scenario WithSeed(int seed) => new(this, Name, seed, Suite);

    public Scenario WithName(string name, string? suite) => new(this, name, Seed, suite);

    /// <summary>Runs synchronously (agents that complete synchronously allocate no tasks).</summary>
    public RunResult Run(IAgent agent, int? seed = null)
    {
        var pending = RunLoop.RunAsync(this, agent, seed ?? Seed, CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    public ValueTask<RunResult> RunAsync(IAgent agent, CancellationToken cancellationToken = default) =>
        RunLoop.RunAsync(this, agent, Seed, cancellationToken);

    public ValueTask<RunResult> RunAsync(IAgent agent, int seed, CancellationToken cancellationToken = default) =>
        RunLoop.RunAsync(this, agent, seed, cancellationToken);

    public override string ToString() => Name;
}

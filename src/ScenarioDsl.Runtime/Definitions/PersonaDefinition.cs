using ScenarioDsl.Runtime.Dynamics;

namespace ScenarioDsl.Runtime.Definitions;

/// <summary>
/// A persona: declarations an agent may read (about, traits, start, opens, rules, says) and the
/// dynamics that applies its rules. The interpreter builds an <see cref="InterpretedPersonaDynamics"/>
/// from <see cref="Rules"/>; generated code passes a compiled one.
/// </summary>
public sealed class PersonaDefinition
{
    private readonly Func<CueTable, IPersonaDynamics> _dynamics;

    public PersonaDefinition(
        string name,
        SpaceDefinition space,
        IReadOnlyList<double> start,
        IReadOnlyList<RuleDefinition>? rules = null,
        IReadOnlyList<SaysDefinition>? says = null,
        double drift = 0,
        double noise = 0,
        string opens = DefaultOpens,
        string? about = null,
        IReadOnlyList<Trait>? traits = null,
        Func<CueTable, IPersonaDynamics>? dynamics = null)
    {
        if (start.Count != space.Count)
            throw new ArgumentException($"Start has {start.Count} values; space '{space.Name}' has {space.Count} dimensions.", nameof(start));
        Name = name;
        Space = space;
        StartVector = start.ToArray();
        Rules = rules?.ToArray() ?? Array.Empty<RuleDefinition>();
        Says = says?.ToArray() ?? Array.Empty<SaysDefinition>();
        Drift = drift;
        Noise = noise;
        Opens = opens;
        About = about;
        Traits = traits?.ToArray() ?? Array.Empty<Trait>();
        _dynamics = dynamics ?? (table => new InterpretedPersonaDynamics(this, table));
    }

    public const string DefaultOpens = "Hi.";

    public string Name { get; }

    public SpaceDefinition Space { get; }

    public IReadOnlyList<double> Start => StartVector;

    /// <summary>The start as the array the run loop reads (never exposed for writing).</summary>
    internal double[] StartVector { get; }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    public IReadOnlyList<SaysDefinition> Says { get; }

    public double Drift { get; }

    public double Noise { get; }

    public string Opens { get; }

    public string? About { get; }

    public IReadOnlyList<Trait> Traits { get; }

    /// <summary>The dynamics bound to a scenario's cue table (cue bits resolved once).</summary>
    public IPersonaDynamics CreateDynamics(CueTable table) => _dynamics(table);
}

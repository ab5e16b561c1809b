using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Generated;

/// <summary>A generated persona: its runtime definition with a typed start state.</summary>
public sealed class EmpsPersona<TState> where TState : struct, IEmpsState<TState>
{
    public EmpsPersona(PersonaDefinition definition)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Start = TState.FromSpan(definition.Start.ToArray());
    }

    public PersonaDefinition Definition { get; }

    public string Name => Definition.Name;

    public SpaceDefinition Space => Definition.Space;

    /// <summary>The start state s0.</summary>
    public TState Start { get; }

    public string Opens => Definition.Opens;

    public string? About => Definition.About;

    public IReadOnlyList<Trait> Traits => Definition.Traits;

    public double Drift => Definition.Drift;

    public double Noise => Definition.Noise;

    public override string ToString() => Name;
}

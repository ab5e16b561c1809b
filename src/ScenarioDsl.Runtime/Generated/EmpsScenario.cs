using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Generated;

/// <summary>
/// A generated scenario (or suite case): the runtime <see cref="Scenario"/> with typed persona, goal and
/// results. Runs go through the same <see cref="RunLoop"/> as the interpreter.
/// </summary>
public sealed class EmpsScenario<TState> where TState : struct, IEmpsState<TState>
{
    public EmpsScenario(Scenario definition, EmpsPersona<TState> persona, EmpsGoal<TState> goal)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Persona = persona ?? throw new ArgumentNullException(nameof(persona));
        Goal = goal ?? throw new ArgumentNullException(nameof(goal));
    }

    public Scenario Definition { get; }

    /// <summary>The scenario's name; a suite case's name is <c>Persona_Goal_sSeed</c>.</summary>
    public string Name => Definition.Name;

    /// <summary>The suite this case belongs to, if any.</summary>
    public string? Suite => Definition.Suite;

    public int Seed => Definition.Seed;

    public EmpsPersona<TState> Persona { get; }

    public EmpsGoal<TState> Goal { get; }

    /// <summary>Runs synchronously with the scenario's seed (or <paramref name="seed"/>).</summary>
    public EmpsRunResult<TState> Run(IAgent agent, int? seed = null) => new(Definition.Run(agent, seed));

    public async ValueTask<EmpsRunResult<TState>> RunAsync(IAgent agent, CancellationToken cancellationToken = default) =>
        new(await Definition.RunAsync(agent, cancellationToken).ConfigureAwait(false));

    public async ValueTask<EmpsRunResult<TState>> RunAsync(IAgent agent, int seed, CancellationToken cancellationToken = default) =>
        new(await Definition.RunAsync(agent, seed, cancellationToken).ConfigureAwait(false));

    /// <summary>The name, so test runners display suite cases readably.</summary>
    public override string ToString() => Name;
}

using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Generated;

/// <summary>
/// A generated scenario (or suite case): the runtime <see cref="Scenario"/> with typed persona, goal and
/// results. Runs go through the same <see cref="RunLoop"/> as the interpreter. Generated suite cases derive
/// from it (<c>Suites.X.Case</c>), so a suite's rows are scenarios that a test framework can also serialize.
/// </summary>
public class EmpsScenario<TState> where TState : struct, IEmpsState<TState>
{
    private Scenario? _definition;
    private EmpsPersona<TState>? _persona;
    private EmpsGoal<TState>? _goal;

    public EmpsScenario(Scenario definition, EmpsPersona<TState> persona, EmpsGoal<TState> goal)
    {
        _definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _persona = persona ?? throw new ArgumentNullException(nameof(persona));
        _goal = goal ?? throw new ArgumentNullException(nameof(goal));
    }

    /// <summary>The same scenario as <paramref name="scenario"/> (a generated suite case made from its scenario).</summary>
    protected EmpsScenario(EmpsScenario<TState> scenario)
        : this((scenario ?? throw new ArgumentNullException(nameof(scenario))).Definition, scenario.Persona, scenario.Goal)
    {
    }

    /// <summary>
    /// A scenario that is not set yet, for a derived type a serializer creates empty and then fills (a generated
    /// suite case deserialized by xunit): it calls <see cref="InitializeFrom"/> once; until then every member throws.
    /// </summary>
    protected EmpsScenario()
    {
    }

    /// <summary>Makes a scenario created empty the same scenario as <paramref name="scenario"/>; only once.</summary>
    protected void InitializeFrom(EmpsScenario<TState> scenario)
    {
        if (scenario is null) throw new ArgumentNullException(nameof(scenario));
        if (_definition is not null) throw new InvalidOperationException("The scenario is already set.");
        _persona = scenario.Persona;
        _goal = scenario.Goal;
        _definition = scenario.Definition;
    }

    public Scenario Definition => _definition ?? throw NotSet();

    /// <summary>The scenario's name; a suite case's name is <c>Persona_Goal_sSeed</c>.</summary>
    public string Name => Definition.Name;

    /// <summary>The suite this case belongs to, if any.</summary>
    public string? Suite => Definition.Suite;

    public int Seed => Definition.Seed;

    public EmpsPersona<TState> Persona => _persona ?? throw NotSet();

    public EmpsGoal<TState> Goal => _goal ?? throw NotSet();

    /// <summary>Runs synchronously with the scenario's seed (or <paramref name="seed"/>).</summary>
    public EmpsRunResult<TState> Run(IAgent agent, int? seed = null) => new(Definition.Run(agent, seed));

    public async ValueTask<EmpsRunResult<TState>> RunAsync(IAgent agent, CancellationToken cancellationToken = default) =>
        new(await Definition.RunAsync(agent, cancellationToken).ConfigureAwait(false));

    public async ValueTask<EmpsRunResult<TState>> RunAsync(IAgent agent, int seed, CancellationToken cancellationToken = default) =>
        new(await Definition.RunAsync(agent, seed, cancellationToken).ConfigureAwait(false));

    /// <summary>The name, so test runners display suite cases readably (empty while a scenario created empty is not set).</summary>
    public override string ToString() => _definition?.Name ?? "";

    private static InvalidOperationException NotSet() =>
        new("The scenario was created empty for a serializer and never set (InitializeFrom).");
}

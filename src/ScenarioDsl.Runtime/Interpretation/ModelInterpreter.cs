using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;
using LanguageGoalKind = ScenarioDsl.Language.Binding.GoalKind;
using LanguageEpmDirection = ScenarioDsl.Language.Binding.EpmDirection;

namespace ScenarioDsl.Runtime.Interpretation;

/// <summary>
/// The interpreter: maps a bound model to runtime definitions whose persona dynamics evaluate the rules
/// as data (<see cref="Dynamics.InterpretedPersonaDynamics"/>). Declarations flagged with errors, and
/// scenarios or suites that reference them, are skipped.
/// </summary>
public sealed class ModelInterpreter
{
    private readonly BoundModel _model;
    private readonly Dictionary<string, SpaceDefinition> _spaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonaDefinition> _personas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoalDefinition> _goals = new(StringComparer.Ordinal);
    private readonly CueDefinition[] _cues;

    private ModelInterpreter(BoundModel model)
    {
        _model = model;
        _cues = model.Cues.Where(c => !c.IsBuiltIn).Select(c => new CueDefinition(c.Name, c.Phrases.ToArray())).ToArray();
    }

    /// <summary>Loads .emps texts through the language core; check <see cref="EmpsCompilation.HasErrors"/> first.</summary>
    public static ScenarioLibrary Load(EmpsCompilation compilation) => Load(compilation.Model);

    public static ScenarioLibrary Load(string text, string path = "scenario.emps") => Load(EmpsCompilation.FromText(text, path));

    public static ScenarioLibrary Load(IEnumerable<SourceText> texts) => Load(EmpsCompilation.Create(texts));

    public static ScenarioLibrary Load(BoundModel model)
    {
        var interpreter = new ModelInterpreter(model);
        var scenarios = new List<Scenario>();
        foreach (var s in model.Scenarios)
        {
            if (s.HasErrors) continue;
            var scenario = interpreter.CreateScenario(s.Name, s.Persona, s.Goal, s.Seed, suite: null);
            if (scenario is not null) scenarios.Add(scenario);
        }
        var suites = new List<SuiteDefinition>();
        foreach (var suite in model.Suites)
        {
            if (suite.HasErrors) continue;
            var cases = suite.Cases()
                .Select(c => interpreter.CreateScenario(c.Name, c.Persona, c.Goal, c.Seed, suite.Name))
                .Where(c => c is not null)
                .Select(c => c!)
                .ToArray();
            suites.Add(new SuiteDefinition(suite.Name, cases));
        }
        return new ScenarioLibrary(scenarios, suites);
    }

    private Scenario? CreateScenario(string name, string personaName, string goalName, int seed, string? suite)
    {
        var persona = Persona(personaName);
        var goal = Goal(goalName);
        if (persona is null || goal is null || persona.Space.Name != goal.Space.Name) return null;
        return new Scenario(name, persona, goal, seed, CuesFor(persona), suite: suite);
    }

    /// <summary>Every declared cue; when there are more than the table holds, only the persona's rule cues.</summary>
    private IEnumerable<CueDefinition> CuesFor(PersonaDefinition persona)
    {
        if (_cues.Length < CueTable.MaxCues) return _cues;
        var used = new HashSet<string>(persona.Rules.Select(r => r.Cue), StringComparer.Ordinal);
        return _cues.Where(c => used.Contains(c.Name));
    }

    private SpaceDefinition? Space(string name)
    {
        if (_spaces.TryGetValue(name, out var space)) return space;
        var symbol = _model.FindSpace(name);
        if (symbol is null || symbol.HasErrors) return null;
        space = new SpaceDefinition(
            symbol.Name,
            symbol.Dimensions.Select(d => new Dimension(d.Name, d.Low, d.High, d.Description)).ToArray(),
            symbol.Description);
        _spaces.Add(name, space);
        return space;
    }

    private PersonaDefinition? Persona(string name)
    {
        if (_personas.TryGetValue(name, out var persona)) return persona;
        var symbol = _model.FindPersona(name);
        if (symbol is null || symbol.HasErrors) return null;
        var space = Space(symbol.Space);
        if (space is null || symbol.Start.Count != space.Count) return null;
        persona = new PersonaDefinition(
            symbol.Name,
            space,
            symbol.Start.ToArray(),
            symbol.Rules.Select(r => new RuleDefinition(r.Cue, Conditions(r.Conditions), r.Effects.Select(e => new Effect(e.Dimension, e.Amount)).ToArray())).ToArray(),
            symbol.Says.Select(s => new SaysDefinition(Conditions(s.Conditions), s.Text)).ToArray(),
            symbol.Drift,
            symbol.Noise,
            symbol.Opens,
            symbol.About,
            symbol.Traits.Select(t => new Trait(t.Name, t.Value)).ToArray());
        _personas.Add(name, persona);
        return persona;
    }

    private GoalDefinition? Goal(string name)
    {
        if (_goals.TryGetValue(name, out var goal)) return goal;
        var symbol = _model.FindGoal(name);
        if (symbol is null || symbol.HasErrors || symbol.Components.Count == 0) return null;
        var space = Space(symbol.Space);
        if (space is null) return null;
        var scoring = symbol.Scoring == ScoringProfileKind.Epm
            ? ScoringOptions.Epm(symbol.Direction == LanguageEpmDirection.PerTurn ? Definitions.EpmDirection.PerTurn : Definitions.EpmDirection.Fixed)
            : ScoringOptions.Process;
        goal = new GoalDefinition(
            symbol.Name,
            space,
            symbol.Kind == LanguageGoalKind.Target ? Definitions.GoalKind.Target : Definitions.GoalKind.Shift,
            symbol.Components.Select(c => new Definitions.GoalComponent(c.Dimension, c.Value)).ToArray(),
            symbol.Within,
            Math.Max(1, symbol.Turns),
            new ScoreWeights(symbol.AlignmentWeight, symbol.ImpactWeight, symbol.StabilityWeight),
            scoring,
            symbol.Description);
        _goals.Add(name, goal);
        return goal;
    }

    private static Condition[] Conditions(EquatableArray<ConditionSymbol> conditions) =>
        conditions.Select(c => new Condition(c.Dimension, c.Operator switch
        {
            ComparisonOperator.Less => Comparison.Less,
            ComparisonOperator.LessOrEqual => Comparison.LessOrEqual,
            ComparisonOperator.Greater => Comparison.Greater,
            _ => Comparison.GreaterOrEqual,
        }, c.Value)).ToArray();
}

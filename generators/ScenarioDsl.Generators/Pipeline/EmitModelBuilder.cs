using System.Diagnostics;
using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Generators.Pipeline;

/// <summary>
/// Turns the bound model into one emit model per generated file. The binder decides what is valid: a
/// declaration flagged <c>HasErrors</c> is skipped, and the binder already flags everything that depends on
/// a broken declaration (a persona in a broken space, a scenario of a broken goal, a suite with one broken
/// case). Nothing else is checked here: what the binder guarantees for a declaration without errors (names
/// that make distinct, legal C# identifiers, references that resolve to declarations without errors, one
/// space per scenario or suite, dimension indexes in range...) is only asserted, in Debug builds
/// (<see cref="Assume"/>).
/// </summary>
internal static class EmitModelBuilder
{
    public static EquatableArray<EmitModel> Build(BoundModel model, EmitOptions options)
    {
        string ns = options.Namespace;
        var items = new List<EmitModel>();
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Not a validity rule: Roslyn compares hint names case-insensitively, C# identifiers are case-sensitive
        // (personas `Ab` and `AB` are both valid), so a file name is numbered when it is taken.
        string Hint(string name)
        {
            string hint = name + ".g.cs";
            for (int i = 2; !hints.Add(hint); i++) hint = name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            return hint;
        }

        // Spaces.
        var spaces = new Dictionary<string, SpaceModel>(StringComparer.Ordinal);
        var spaceIds = NewIdentifiers("Spaces");
        foreach (var space in model.Spaces)
        {
            if (space.HasErrors) continue;
            string id = IdentifierNaming.ToPascalCase(space.Name);
            string stateType = IdentifierNaming.StateTypeName(space.Name);
            var dims = space.Dimensions
                .Select(d => new DimensionModel(d.Name, IdentifierNaming.ToPascalCase(d.Name), d.Low, d.High, d.Description))
                .ToArray();
            Assume(dims.Length > 0, "a space has at least one dimension (EMPS3007)", space.Name);
            Assume(Distinct(dims.Select(d => d.Identifier)), "the dimensions of a space have distinct identifiers (EMPS2001, EMPS1003)", space.Name);
            Assume(dims.All(d => d.Identifier != stateType && !IdentifierNaming.ReservedStateMembers.Contains(d.Identifier)),
                "no dimension takes the name of its state type or of a member of it (EMPS1003)", space.Name);
            Assume(spaceIds.Add(id), "spaces have distinct identifiers, none `Spaces` (EMPS1001, EMPS1003)", space.Name);
            var item = new SpaceModel(Hint("Spaces." + id), ns, space.Name, id, stateType, space.Description, dims.ToEquatableArray());
            spaces.Add(space.Name, item);
            items.Add(item);
        }

        // Cues: every declared one (the binder keeps the first of a duplicated name only).
        var cues = model.Cues
            .Where(c => !c.IsBuiltIn)
            .Select(c => new CueModel(c.Name, c.Phrases))
            .ToEquatableArray();
        Assume(Distinct(cues.Select(c => c.Name)), "cue names are distinct (EMPS1001)", "cues");

        // Personas.
        var personas = new Dictionary<string, PersonaModel>(StringComparer.Ordinal);
        var personaIds = NewIdentifiers("Personas");
        foreach (var persona in model.Personas)
        {
            if (persona.HasErrors) continue;
            var space = Resolve(spaces, persona.Space, "the space of a persona", persona.Name);
            int n = space.Dimensions.Count;
            string id = IdentifierNaming.ToPascalCase(persona.Name);
            Assume(persona.Start.Count == n, "a persona's start gives every dimension of its space (EMPS2005, EMPS3007)", persona.Name);
            Assume(persona.Rules.All(r => r.Conditions.All(c => InRange(c.Dimension, n)) && r.Effects.All(e => InRange(e.Dimension, n)))
                && persona.Says.All(s => s.Conditions.All(c => InRange(c.Dimension, n))),
                "rules and says lines name dimensions of the persona's space (EMPS2003)", persona.Name);
            Assume(personaIds.Add(id), "personas have distinct identifiers, none `Personas` (EMPS1001, EMPS1003)", persona.Name);
            var item = new PersonaModel(
                Hint("Personas." + id), ns, id, space.StateType, space.Identifier,
                space.Dimensions.Select(d => d.Identifier).ToEquatableArray(),
                space.Dimensions.Select(d => new RangeModel(d.Low, d.High)).ToEquatableArray(), persona);
            personas.Add(persona.Name, item);
            items.Add(item);
        }

        // Goals.
        var goals = new Dictionary<string, GoalModel>(StringComparer.Ordinal);
        var goalIds = NewIdentifiers("Goals");
        foreach (var goal in model.Goals)
        {
            if (goal.HasErrors) continue;
            var space = Resolve(spaces, goal.Space, "the space of a goal", goal.Name);
            string id = IdentifierNaming.ToPascalCase(goal.Name);
            Assume(goal.Components.Count > 0, "a goal constrains at least one dimension (EMPS3005)", goal.Name);
            Assume(goal.Components.All(c => InRange(c.Dimension, space.Dimensions.Count)), "a goal names dimensions of its space (EMPS2003)", goal.Name);
            Assume(goal.Turns >= 1, "a goal allows at least one turn (EMPS3001)", goal.Name);
            Assume(goalIds.Add(id), "goals have distinct identifiers, none `Goals` (EMPS1001, EMPS1003)", goal.Name);
            var item = new GoalModel(Hint("Goals." + id), ns, id, space.StateType, space.Identifier, goal);
            goals.Add(goal.Name, item);
            items.Add(item);
        }

        (PersonaModel Persona, GoalModel Goal) Pair(string persona, string goal, string owner)
        {
            var p = Resolve(personas, persona, "a persona of a scenario or suite", owner);
            var g = Resolve(goals, goal, "a goal of a scenario or suite", owner);
            Assume(p.StateType == g.StateType, "a scenario's or suite's personas and goals are in one space (EMPS2006)", owner);
            return (p, g);
        }

        int runnable = items.Count;

        // Scenarios.
        var scenarioIds = NewIdentifiers("Scenarios");
        foreach (var scenario in model.Scenarios)
        {
            if (scenario.HasErrors) continue;
            var (p, g) = Pair(scenario.Persona, scenario.Goal, scenario.Name);
            string id = IdentifierNaming.ToPascalCase(scenario.Name);
            Assume(scenarioIds.Add(id), "scenarios have distinct identifiers, none `Scenarios` (EMPS1001, EMPS1003)", scenario.Name);
            items.Add(new ScenarioModel(Hint("Scenarios." + id), ns, scenario.Name, id, p.StateType, p.Identifier, g.Identifier, scenario.Seed));
        }

        // Suites: one state type for the whole suite.
        var suiteIds = NewIdentifiers("Suites");
        foreach (var suite in model.Suites)
        {
            if (suite.HasErrors) continue;
            var cases = new List<SuiteCaseModel>();
            string? stateType = null;
            foreach (var c in suite.Cases())
            {
                var (p, g) = Pair(c.Persona, c.Goal, suite.Name);
                Assume(stateType is null || stateType == p.StateType, "a suite's personas and goals are in one space (EMPS2006)", suite.Name);
                stateType = p.StateType;
                cases.Add(new SuiteCaseModel(c.Name, p.Identifier, g.Identifier, c.Seed));
            }
            string id = IdentifierNaming.ToPascalCase(suite.Name);
            Assume(stateType is not null, "a suite has at least one persona and one goal (EMPS3007)", suite.Name);
            Assume(!IdentifierNaming.ReservedSuiteMembers.Contains(id) && suiteIds.Add(id),
                "suites have distinct identifiers, none `Suites` nor a member of the suite class (EMPS1001, EMPS1003)", suite.Name);
            items.Add(new SuiteModel(Hint("Suites." + id), ns, suite.Name, id, stateType!, cases.ToEquatableArray(), options.XunitSerializable));
        }

        // The cue list is emitted whenever anything can reference it.
        if (items.Count > runnable) items.Add(new CuesModel(Hint("Cues"), ns, cues));
        return items.ToEquatableArray();
    }

    /// <summary>
    /// Asserts what the binder guarantees for a declaration without errors. Like <see cref="Debug.Assert(bool)"/>
    /// it is compiled only into Debug builds of the generator; unlike it, it throws instead of failing fast, so a
    /// broken guarantee in a Debug build ends as the compiler's CS8785 ("generator failed") naming the declaration
    /// and the guarantee, and the test harness (which asserts no generator exception) reports it.
    /// </summary>
    [Conditional("DEBUG")]
    internal static void Assume(bool condition, string guarantee, string declaration)
    {
        if (!condition) throw new InvalidOperationException($"The bound model breaks a binder guarantee at '{declaration}': {guarantee}.");
    }

    /// <summary>A declaration a declaration without errors refers to: the binder guarantees it was emitted.</summary>
    private static T Resolve<T>(Dictionary<string, T> emitted, string name, string what, string declaration)
    {
        Assume(emitted.ContainsKey(name), what + " is declared without errors (EMPS1002, or flagged HasErrors)", declaration);
        return emitted[name];
    }

    /// <summary>
    /// The identifiers of one generated container, its own name taken. Only <see cref="Assume"/> arguments add to
    /// it, so it stays empty in Release builds, where those arguments are not evaluated.
    /// </summary>
    private static HashSet<string> NewIdentifiers(string container) => new(StringComparer.Ordinal) { container };

    private static bool Distinct(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.All(seen.Add);
    }

    private static bool InRange(int index, int count) => index >= 0 && index < count;
}

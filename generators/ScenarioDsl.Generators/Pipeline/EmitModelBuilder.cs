using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Generators.Pipeline;

/// <summary>
/// Turns the bound model into one emit model per generated file. Declarations flagged with errors are
/// skipped, and so is everything that depends on them (a persona in a broken space, a scenario of a broken
/// goal...): the binder decides validity, this only refuses to emit what would not be valid C#.
/// </summary>
internal static class EmitModelBuilder
{
    /// <summary>The members a generated suite class declares itself.</summary>
    internal static readonly string[] SuiteMembers = { "Cases", "All", "Name" };

    public static EquatableArray<EmitModel> Build(BoundModel model, EmitOptions options)
    {
        string ns = options.Namespace;
        var items = new List<EmitModel>();
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        string Hint(string name)
        {
            string hint = name + ".g.cs";
            for (int i = 2; !hints.Add(hint); i++) hint = name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            return hint;
        }

        // Spaces.
        var spaces = new Dictionary<string, SpaceModel>(StringComparer.Ordinal);
        var stateTypes = new HashSet<string>(StringComparer.Ordinal);
        var spaceIds = new HashSet<string>(StringComparer.Ordinal) { "Spaces" };
        foreach (var space in model.Spaces)
        {
            if (space.HasErrors || space.Dimensions.Count == 0 || spaces.ContainsKey(space.Name)) continue;
            string id = IdentifierNaming.ToPascalCase(space.Name);
            string stateType = IdentifierNaming.StateTypeName(space.Name);
            var dims = space.Dimensions
                .Select(d => new DimensionModel(d.Name, IdentifierNaming.ToPascalCase(d.Name), d.Low, d.High, d.Description))
                .ToArray();
            var dimIds = new HashSet<string>(StringComparer.Ordinal);
            bool dimsOk = dims.All(d => dimIds.Add(d.Identifier) && d.Identifier != stateType && !IdentifierNaming.ReservedStateMembers.Contains(d.Identifier));
            if (!dimsOk || !stateTypes.Add(stateType) || !spaceIds.Add(id)) continue;
            var item = new SpaceModel(Hint("Spaces." + id), ns, space.Name, id, stateType, space.Description, dims.ToEquatableArray());
            spaces.Add(space.Name, item);
            items.Add(item);
        }

        // Cues: every declared one, first wins on a duplicate name.
        var cueNames = new HashSet<string>(StringComparer.Ordinal);
        var cues = model.Cues
            .Where(c => !c.IsBuiltIn && cueNames.Add(c.Name))
            .Select(c => new CueModel(c.Name, c.Phrases))
            .ToEquatableArray();

        // Personas.
        var personas = new Dictionary<string, PersonaModel>(StringComparer.Ordinal);
        var personaIds = new HashSet<string>(StringComparer.Ordinal) { "Personas" };
        foreach (var persona in model.Personas)
        {
            if (persona.HasErrors || personas.ContainsKey(persona.Name)) continue;
            if (!spaces.TryGetValue(persona.Space, out var space)) continue;
            int n = space.Dimensions.Count;
            if (persona.Start.Count != n) continue;
            bool inRange = persona.Rules.All(r => r.Conditions.All(c => c.Dimension >= 0 && c.Dimension < n) && r.Effects.All(e => e.Dimension >= 0 && e.Dimension < n))
                && persona.Says.All(s => s.Conditions.All(c => c.Dimension >= 0 && c.Dimension < n));
            string id = IdentifierNaming.ToPascalCase(persona.Name);
            if (!inRange || !personaIds.Add(id)) continue;
            var item = new PersonaModel(
                Hint("Personas." + id), ns, id, space.StateType, space.Identifier,
                space.Dimensions.Select(d => d.Identifier).ToEquatableArray(), persona);
            personas.Add(persona.Name, item);
            items.Add(item);
        }

        // Goals.
        var goals = new Dictionary<string, GoalModel>(StringComparer.Ordinal);
        var goalIds = new HashSet<string>(StringComparer.Ordinal) { "Goals" };
        foreach (var goal in model.Goals)
        {
            if (goal.HasErrors || goals.ContainsKey(goal.Name) || goal.Components.Count == 0 || goal.Turns < 1) continue;
            if (!spaces.TryGetValue(goal.Space, out var space)) continue;
            int n = space.Dimensions.Count;
            string id = IdentifierNaming.ToPascalCase(goal.Name);
            if (!goal.Components.All(c => c.Dimension >= 0 && c.Dimension < n) || !goalIds.Add(id)) continue;
            var item = new GoalModel(Hint("Goals." + id), ns, id, space.StateType, space.Identifier, goal);
            goals.Add(goal.Name, item);
            items.Add(item);
        }

        bool Runnable(string persona, string goal, out PersonaModel? p, out GoalModel? g) =>
            personas.TryGetValue(persona, out p) & goals.TryGetValue(goal, out g) && p!.StateType == g!.StateType;

        int runnable = items.Count;

        // Scenarios.
        var scenarioIds = new HashSet<string>(StringComparer.Ordinal) { "Scenarios" };
        foreach (var scenario in model.Scenarios)
        {
            if (scenario.HasErrors || !Runnable(scenario.Persona, scenario.Goal, out var p, out var g)) continue;
            string id = IdentifierNaming.ToPascalCase(scenario.Name);
            if (!scenarioIds.Add(id)) continue;
            items.Add(new ScenarioModel(Hint("Scenarios." + id), ns, scenario.Name, id, p!.StateType, p.Identifier, g!.Identifier, scenario.Seed));
        }

        // Suites: every case runnable and all in one space (one state type for the whole suite).
        var suiteIds = new HashSet<string>(StringComparer.Ordinal) { "Suites" };
        foreach (var suite in model.Suites)
        {
            if (suite.HasErrors) continue;
            var cases = new List<SuiteCaseModel>();
            string? stateType = null;
            bool ok = true;
            foreach (var c in suite.Cases())
            {
                if (!Runnable(c.Persona, c.Goal, out var p, out var g) || (stateType is not null && stateType != p!.StateType))
                {
                    ok = false;
                    break;
                }
                stateType = p!.StateType;
                cases.Add(new SuiteCaseModel(c.Name, p.Identifier, g!.Identifier, c.Seed));
            }
            string id = IdentifierNaming.ToPascalCase(suite.Name);
            if (!ok || stateType is null || SuiteMembers.Contains(id) || !suiteIds.Add(id)) continue;
            items.Add(new SuiteModel(Hint("Suites." + id), ns, suite.Name, id, stateType, cases.ToEquatableArray()));
        }

        // The cue list is emitted whenever anything can reference it.
        if (items.Count > runnable) items.Add(new CuesModel(Hint("Cues"), ns, cues));
        return items.ToEquatableArray();
    }
}

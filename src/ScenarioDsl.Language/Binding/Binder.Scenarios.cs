using System.Globalization;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Binding;

internal sealed partial class Binder
{
    /// <summary>Suites may list at most this many seeds, so no input can ask for billions of cases.</summary>
    public const int MaxSeedsPerSuite = 10_000;

    /// <summary>
    /// Suites may have at most this many cases (personas x goals x seeds): each is a line of generated C#, and a suite
    /// of 100,000 cases already gives about 21 MB of it.
    /// </summary>
    public const int MaxCasesPerSuite = 100_000;

    private ScenarioSymbol[] BindScenarios(Dictionary<string, PersonaSymbol> personaByName, Dictionary<string, GoalSymbol> goalByName)
    {
        var result = new ScenarioSymbol[_scenarios.Count];
        int n = 0;
        foreach (var declared in _scenarios.Values)
        {
            var tree = declared.Tree;
            string name = declared.Name;
            if (declared.Syntax is not ScenarioDeclarationSyntax scenario)
            {
                result[n++] = new ScenarioSymbol(name, "", "", 0, LocationOf(tree, declared.Syntax.Name!.Value), HasErrors: true);
                continue;
            }

            var environment = ScenarioEnvironmentOf(declared, personaByName, goalByName);
            if (!TryReplay(declared, environment, out ScenarioSymbol symbol))
            {
                var start = Mark();
                symbol = BindScenario(scenario, name, tree, personaByName, goalByName);
                Remember(declared, environment, symbol, start);
            }
            result[n++] = symbol;
        }
        return result;
    }

    private ScenarioSymbol BindScenario(
        ScenarioDeclarationSyntax scenario, string name, SyntaxTree tree,
        Dictionary<string, PersonaSymbol> personaByName, Dictionary<string, GoalSymbol> goalByName)
    {
        var members = FirstMembers(scenario.Members, "scenario", name, tree, ScenarioUniqueMembers);
        var personaRef = Reference(members, "persona");
        var goalRef = Reference(members, "goal");
        if (personaRef is null && !members.ContainsKey("persona") && !InSkippedMember(scenario.Members, "persona")) Report(DiagnosticCatalogue.MissingMember, tree, scenario.Name!.Value.Span, "scenario", name, "`persona`");
        if (goalRef is null && !members.ContainsKey("goal") && !InSkippedMember(scenario.Members, "goal")) Report(DiagnosticCatalogue.MissingMember, tree, scenario.Name!.Value.Span, "scenario", name, "`goal`");

        int seed = 0;
        if (members.TryGetValue("seed", out var seedMember) && seedMember is ValueMemberSyntax seedValue) seed = BindSeed(seedValue.Value, tree) ?? 0;

        var persona = personaRef is not null && Resolve(personaByName.Keys, "persona", personaRef.Value, tree, Key(SymbolKind.Persona, personaRef.Value.Text)) ? personaByName[personaRef.Value.Text] : null;
        var goal = goalRef is not null && Resolve(goalByName.Keys, "goal", goalRef.Value, tree, Key(SymbolKind.Goal, goalRef.Value.Text)) ? goalByName[goalRef.Value.Text] : null;
        if (persona is not null && goal is not null) CheckPair(persona, goal, tree, goalRef!.Value.Span, $"scenario", name);

        return new ScenarioSymbol(name, personaRef?.Text ?? "", goalRef?.Text ?? "", seed, LocationOf(tree, scenario.Name!.Value), HasErrors: persona is null || goal is null);
    }

    private EquatableArray<string>? _personaNamesKey, _goalNamesKey;

    private ScenarioEnvironment ScenarioEnvironmentOf(
        Declared declared, Dictionary<string, PersonaSymbol> personaByName, Dictionary<string, GoalSymbol> goalByName)
    {
        // The names as BindScenario will read them: the first member of each keyword (FirstMembers).
        string? personaName = declared.PersonaReference;
        string? goalName = declared.GoalReference;
        var persona = personaName is not null && personaByName.TryGetValue(personaName, out var p) ? p : null;
        var goal = goalName is not null && goalByName.TryGetValue(goalName, out var g) ? g : null;
        EquatableArray<string>? personaNames = persona is null && personaName is not null
            ? _personaNamesKey ??= personaByName.Keys.ToEquatableArray() // enumeration order, as the suggestion sees it
            : null;
        EquatableArray<string>? goalNames = goal is null && goalName is not null
            ? _goalNamesKey ??= goalByName.Keys.ToEquatableArray()
            : null;
        var dimensions = goal is not null && _spaces.ContainsKey(goal.Space) ? FindSpaceSymbol(goal.Space)?.Dimensions : null;
        // The last binding's environment when equal (the usual case), so nothing is made and the replay compares references.
        if (declared.Binding?.Environment is ScenarioEnvironment earlier && earlier.Is(persona, personaNames, goal, goalNames, dimensions)) return earlier;
        return new ScenarioEnvironment(persona, personaNames, goal, goalNames, dimensions);
    }

    private static string? FirstReferenceName(BlockDeclarationSyntax declaration, string keyword)
    {
        var members = declaration.Members;
        for (int i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member.Head.Text != keyword) continue;
            return member is ReferenceMemberSyntax r && r.Names.Count > 0 && !r.Names[0].IsMissing ? r.Names[0].Text : null;
        }
        return null;
    }

    private SuiteSymbol[] BindSuites(Dictionary<string, PersonaSymbol> personaByName, Dictionary<string, GoalSymbol> goalByName)
    {
        var result = new SuiteSymbol[_suites.Count];
        int n = 0;
        foreach (var declared in _suites.Values)
        {
            var tree = declared.Tree;
            string name = declared.Name;
            if (declared.Syntax is not SuiteDeclarationSyntax suite)
            {
                result[n++] = new SuiteSymbol(name, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<int>.Empty, LocationOf(tree, declared.Syntax.Name!.Value), HasErrors: true);
                continue;
            }

            var members = FirstMembers(suite.Members, "suite", name, tree, SuiteUniqueMembers);
            bool ok = true;
            var personaList = BindReferenceList(members, "personas", "persona", personaByName.Keys, SymbolKind.Persona, tree, name, ref ok);
            var goalList = BindReferenceList(members, "goals", "goal", goalByName.Keys, SymbolKind.Goal, tree, name, ref ok);

            var seeds = new List<int> { 0 };
            if (members.TryGetValue("seeds", out var seedsMember))
            {
                var s = seedsMember is SeedsSyntax seedsSyntax ? BindSeeds(seedsSyntax, tree) : null;
                if (s is null) ok = false; else seeds = s;
            }

            foreach (var (goalName, goalToken) in goalList)
                foreach (var (personaName, _) in personaList)
                    CheckPair(personaByName[personaName], goalByName[goalName], tree, goalToken.Span, "suite", name);
            if (!CaseNamesAreDistinct(personaList, goalList, seeds[0], tree, name)) ok = false;
            long cases = (long)personaList.Count * goalList.Count * seeds.Count;
            if (cases > MaxCasesPerSuite)
            {
                var span = seedsMember?.Span ?? suite.Name!.Value.Span;
                Report(DiagnosticCatalogue.InvalidNumber, tree, span,
                    $"suite '{name}' would have {cases.ToString("N0", CultureInfo.InvariantCulture)} cases ({personaList.Count} personas x {goalList.Count} goals x {seeds.Count} seeds); a suite runs at most {MaxCasesPerSuite.ToString("N0", CultureInfo.InvariantCulture)}");
                ok = false;
            }

            result[n++] = new SuiteSymbol(
                name, personaList.Select(p => p.Name).ToEquatableArray(), goalList.Select(g => g.Name).ToEquatableArray(),
                seeds.ToEquatableArray(), LocationOf(tree, suite.Name!.Value), HasErrors: !ok);
        }
        return result;
    }

    /// <summary>
    /// Cases are named <c>Persona_Goal_sSeed</c> (SPEC 1), so persona <c>A_B</c> with goal <c>C</c> and persona
    /// <c>A</c> with goal <c>B_C</c> would share every name: their results would be keyed alike (a resumed run keeps
    /// one of them) and a test explorer could not tell them apart. Reported once per clash, on the persona listed later.
    /// </summary>
    private bool CaseNamesAreDistinct(
        List<(string Name, SyntaxToken Token)> personas, List<(string Name, SyntaxToken Token)> goals, int firstSeed, SyntaxTree tree, string suite)
    {
        if (personas.Count < 2 || goals.Count < 2) return true; // one persona or one goal: the other names differ
        var firstPair = new Dictionary<string, (string Persona, string Goal)>(personas.Count * goals.Count, StringComparer.Ordinal);
        bool distinct = true;
        foreach (var (persona, personaToken) in personas)
        {
            foreach (var (goal, _) in goals)
            {
                string caseName = persona + "_" + goal;
                if (firstPair.TryGetValue(caseName, out var first))
                {
                    string seed = firstSeed.ToString(CultureInfo.InvariantCulture);
                    Report(DiagnosticCatalogue.DuplicateDeclaration, tree, personaToken.Span, "case", $"{caseName}_s{seed}",
                        $"in suite '{suite}' by persona '{first.Persona}' with goal '{first.Goal}'; persona '{persona}' with goal '{goal}' gives the same name");
                    distinct = false;
                }
                else
                {
                    firstPair[caseName] = (persona, goal);
                }
            }
        }
        return distinct;
    }

    private static readonly string[] ScenarioUniqueMembers = { "persona", "goal", "seed" };
    private static readonly string[] SuiteUniqueMembers = { "personas", "goals", "seeds" };

    private static bool Listed(List<(string Name, SyntaxToken Token)> names, string name)
    {
        foreach (var listed in names) if (listed.Name == name) return true;
        return false;
    }

    private static SyntaxToken? Reference(MemberTable members, string keyword) =>
        members.TryGetValue(keyword, out var m) && m is ReferenceMemberSyntax r && r.Names.Count > 0 ? r.Names[0] : null;

    /// <summary>The resolved, distinct names of a suite's <c>personas</c> or <c>goals</c> list.</summary>
    private List<(string Name, SyntaxToken Token)> BindReferenceList(
        MemberTable members, string keyword, string what, ICollection<string> known, SymbolKind kind,
        SyntaxTree tree, string suite, ref bool ok)
    {
        var result = new List<(string, SyntaxToken)>();
        if (!members.TryGetValue(keyword, out var member) || member is not ReferenceMemberSyntax list)
        {
            ok = false;
            if (member is not null) return result; // present but broken: already reported
            if (_suites[suite].Syntax is BlockDeclarationSyntax block && InSkippedMember(block.Members, keyword)) return result; // inside a broken member: already reported
            var suiteName = _suites[suite].Syntax.Name!;
            Report(DiagnosticCatalogue.MissingMember, tree, suiteName.Value.Span, "suite", suite, "`" + keyword + "`");
            ok = false;
            return result;
        }
        var names = list.Names;
        for (int i = 0; i < names.Count; i++)
        {
            var token = names[i];
            if (Listed(result, token.Text))
            {
                Report(DiagnosticCatalogue.DuplicateMember, tree, token.Span, token.Text, $"the {keyword} of suite", suite);
                continue;
            }
            if (Resolve(known, what, token, tree, Key(kind, token.Text))) result.Add((token.Text, token));
            else ok = false;
        }
        return result;
    }

    private int? BindSeed(SyntaxToken token, SyntaxTree tree)
    {
        double v = token.NumberValue;
        if (v >= 0 && v <= int.MaxValue && Math.Floor(v) == v) return (int)v;
        if (double.IsNaN(v)) return null; // already reported by the lexer
        Report(DiagnosticCatalogue.InvalidNumber, tree, token.Span, $"invalid seed '{token.Text}': a seed is a whole number in 0..{int.MaxValue.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    private List<int>? BindSeeds(SeedsSyntax seeds, SyntaxTree tree)
    {
        int? from = BindSeed(seeds.From, tree);
        if (seeds.To is null) return from is null ? null : new List<int> { from.Value };
        int? to = BindSeed(seeds.To.Value, tree);
        if (from is null || to is null) return null;
        var span = Spans.Of(seeds.From, seeds.To.Value);
        if (from > to)
        {
            Report(DiagnosticCatalogue.InvalidNumber, tree, span, $"invalid seed range {seeds.From.Text}..{seeds.To.Value.Text}: the first seed is greater than the last");
            return null;
        }
        if ((long)to.Value - from.Value + 1 > MaxSeedsPerSuite)
        {
            Report(DiagnosticCatalogue.InvalidNumber, tree, span, $"invalid seed range {seeds.From.Text}..{seeds.To.Value.Text}: a suite runs at most {MaxSeedsPerSuite} seeds");
            return null;
        }
        return Enumerable.Range(from.Value, to.Value - from.Value + 1).ToList();
    }

    /// <summary>Checks one persona against one goal (SPEC 2.1): spaces, direction, target point, reachability, convergence.</summary>
    private void CheckPair(PersonaSymbol persona, GoalSymbol goal, SyntaxTree tree, TextSpan at, string ownerKind, string owner)
    {
        if (persona.HasErrors || goal.HasErrors || persona.Start.Count == 0) return;
        if (persona.Space != goal.Space)
        {
            Report(DiagnosticCatalogue.SpaceMismatch, tree, at, persona.Name, persona.Space, goal.Name, goal.Space);
            return;
        }
        var space = _spaces.TryGetValue(goal.Space, out _) ? FindSpaceSymbol(goal.Space) : null;
        if (space is null || goal.Components.Count == 0) return;

        double norm2 = 0;
        var outside = new List<(DimensionSymbol Dim, double Start, double Shift, double Point)>();
        foreach (var c in goal.Components)
        {
            double s0 = persona.Start[c.Dimension];
            double u = goal.Kind == GoalKind.Target ? c.Value - s0 : c.Value;
            // The target point is the target itself (s0 + (target - s0) can overflow, or round, past it); for a
            // shift it is s0 + shift, which overflows only when it lies beyond every finite range.
            double t = goal.Kind == GoalKind.Target ? c.Value : s0 + u;
            norm2 += u * u;
            var dim = space.Dimensions[c.Dimension];
            // An empty or inverted range is EMPS2002 already (and EMPS2004 skips it too): nothing lies inside it.
            if (dim.Low < dim.High && (t < dim.Low || t > dim.High))
                outside.Add((dim, s0, u, t));
        }

        if (norm2 == 0)
        {
            Report(DiagnosticCatalogue.NoDirection, tree, at, goal.Name, persona.Name);
            return;
        }
        foreach (var (dim, s0, u, t) in outside)
            Report(DiagnosticCatalogue.TargetOutsideSpace, tree, at, goal.Name, dim.Name, persona.Name, OutsidePoint(dim, s0, u, t));
        if (outside.Count > 0) return;

        if (Math.Sqrt(norm2) <= goal.Within)
            Report(DiagnosticCatalogue.StartsConverged, tree, at, ownerKind, owner, persona.Name, Format(goal.Within), goal.Name);

        foreach (var c in goal.Components)
        {
            double u = goal.Kind == GoalKind.Target ? c.Value - persona.Start[c.Dimension] : c.Value;
            if (u == 0) continue;
            if (!CanMove(persona, c.Dimension, Math.Sign(u)))
                Report(DiagnosticCatalogue.TargetUnreachable, tree, at, goal.Name, space.Dimensions[c.Dimension].Name, persona.Name, u > 0 ? "rise" : "fall", u > 0 ? "raises" : "lowers");
        }
    }

    /// <summary>
    /// Where a shift goal puts a dimension, for EMPS2009: the sum that gives the point, rounded to 15 digits (0.2 + -0.9
    /// is -0.7000000000000001 in doubles), and the shifts that would keep it inside the range from this start, which is
    /// what to write instead. (No sum here overflows: a space whose squared widths do not fit a double is EMPS2002, and
    /// its goals are not checked, so every range lies within about 1e170 of zero.)
    /// </summary>
    private static string OutsidePoint(DimensionSymbol dim, double s0, double u, double t) =>
        $"{Format(s0)} + {Format(u)} = {Rounded(t)}, outside its range [{Format(dim.Low)}, {Format(dim.High)}]; "
        + $"from this start a shift of '{dim.Name}' must lie in [{Rounded(dim.Low - s0)}, {Rounded(dim.High - s0)}]";

    /// <summary>A computed number as a person would write it: 15 significant digits, invariant culture.</summary>
    private static string Rounded(double value) => value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when some rule of the persona moves the dimension in the direction's sign.</summary>
    private static bool CanMove(PersonaSymbol persona, int dimension, int sign)
    {
        foreach (var rule in persona.Rules)
            foreach (var effect in rule.Effects)
                if (effect.Dimension == dimension && Math.Sign(effect.Amount) == sign) return true;
        return false;
    }

    private SpaceSymbol? _lastSpace;
    private IReadOnlyList<SpaceSymbol> _boundSpaces = Array.Empty<SpaceSymbol>();

    private SpaceSymbol? FindSpaceSymbol(string name)
    {
        if (_lastSpace?.Name == name) return _lastSpace;
        foreach (var s in _boundSpaces)
            if (s.Name == name) return _lastSpace = s;
        return null;
    }

    /// <summary>EMPS4001 (info): personas and goals no scenario or suite uses, and spaces nothing is in.</summary>
    private void ReportUnused(ScenarioSymbol[] scenarios, SuiteSymbol[] suites)
    {
        var usedPersonas = new List<string>(scenarios.Length);
        var usedGoals = new List<string>(scenarios.Length);
        foreach (var scenario in scenarios)
        {
            usedPersonas.Add(scenario.Persona);
            usedGoals.Add(scenario.Goal);
        }
        foreach (var suite in suites)
        {
            usedPersonas.AddRange(suite.Personas);
            usedGoals.AddRange(suite.Goals);
        }
        ReportUnused(_personas, new HashSet<string>(usedPersonas, StringComparer.Ordinal), "persona"); // a set sized from the list
        ReportUnused(_goals, new HashSet<string>(usedGoals, StringComparer.Ordinal), "goal");

        // Declarations in a row mostly name one space: it is added once per run.
        var usedSpaces = new HashSet<string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var declared in _personas.Values)
            if (declared.SpaceText is { } space && space != last) usedSpaces.Add(last = space);
        foreach (var declared in _goals.Values)
            if (declared.SpaceText is { } space && space != last) usedSpaces.Add(last = space);
        ReportUnused(_spaces, usedSpaces, "space");
    }

    private void ReportUnused(Dictionary<string, Declared> declarations, HashSet<string> used, string kind)
    {
        foreach (var declared in declarations.Values)
            if (!used.Contains(declared.Name))
                Report(DiagnosticCatalogue.UnusedDeclaration, declared.Tree, declared.NameSpan, kind, declared.Name);
    }

    /// <summary>EMPS1003: two declarations of one kind that become the same C# identifier, or one that takes its container's name.</summary>
    private void ReportIdentifierCollisions()
    {
        Check(_spaces, "space", "Spaces");
        Check(_personas, "persona", "Personas");
        Check(_goals, "goal", "Goals");
        Check(_scenarios, "scenario", "Scenarios");
        Check(_suites, "suite", "Suites", IdentifierNaming.ReservedSuiteMembers);

        void Check(Dictionary<string, Declared> declarations, string kind, string container, IReadOnlyList<string>? ownMembers = null)
        {
            // Names are distinct, so identifiers that are their own names (the usual case) cannot collide with one another.
            bool allOwnNames = true;
            foreach (var declared in declarations.Values)
            {
                if (ReferenceEquals(declared.Identifier, declared.Name)) continue;
                allOwnNames = false;
                break;
            }
            var seen = allOwnNames ? null : new Dictionary<string, string>(declarations.Count, StringComparer.Ordinal);
            foreach (var declared in declarations.Values)
            {
                string identifier = declared.Identifier;
                if (seen is not null && seen.TryGetValue(identifier, out var other))
                    Report(DiagnosticCatalogue.IdentifierCollision, declared.Tree, declared.NameSpan, kind, other, kind, declared.Name, identifier);
                else if (identifier == container)
                    Report(DiagnosticCatalogue.IdentifierCollision, declared.Tree, declared.NameSpan, kind, declared.Name, "its generated class", container, identifier);
                else if (ownMembers is not null && ownMembers.Contains(identifier))
                    Report(DiagnosticCatalogue.IdentifierCollision, declared.Tree, declared.NameSpan, kind, declared.Name, "its generated member", identifier, identifier);
                else if (seen is not null)
                    seen[identifier] = declared.Name;
            }
        }
    }
}

using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;

namespace ScenarioDsl.Language.Binding;

internal sealed partial class Binder
{
    private static readonly string[] PersonaUniqueMembers = { "about", "traits", "start", "opens", "drift", "noise" };

    private PersonaSymbol[] BindPersonas(Dictionary<string, SpaceSymbol> spaceByName)
    {
        var cueNames = new HashSet<string>(_cues.Keys, StringComparer.Ordinal) { CueSymbol.Mirroring };
        var cueKey = cueNames.ToEquatableArray(); // enumeration order, as the suggestions see it
        var environments = new Dictionary<string, DeclarationEnvironment>(StringComparer.Ordinal);
        var result = new PersonaSymbol[_personas.Count];
        int n = 0;

        foreach (var declared in _personas.Values)
        {
            var tree = declared.Tree;
            if (declared.Syntax is PersonaDeclarationSyntax persona)
            {
                // Errors already in the declaration (syntax, collisions) flag it for the pair checks; its own are added below.
                bool priorErrors = HasErrorsIn(declared);
                var environment = EnvironmentOf(declared, spaceByName, cueKey, environments);
                if (!TryReplay(declared, environment, out PersonaSymbol symbol))
                {
                    var start = Mark();
                    symbol = BindPersona(persona, tree, spaceByName, cueNames);
                    Remember(declared, environment, symbol, start);
                }
                result[n++] = priorErrors && !symbol.HasErrors ? symbol with { HasErrors = true } : symbol;
            }
            else
            {
                var incomplete = (IncompleteDeclarationSyntax)declared.Syntax;
                ResolveSpaceOf(incomplete.SpaceName, tree, spaceByName);
                result[n++] = BrokenPersona(incomplete, tree);
            }
        }
        return result;
    }

    private PersonaSymbol BrokenPersona(IncompleteDeclarationSyntax declaration, SyntaxTree tree) =>
        new(declaration.Name!.Value.Text, declaration.SpaceName?.Text ?? "", null, EquatableArray<TraitValue>.Empty,
            EquatableArray<double>.Empty, PersonaSymbol.DefaultOpens, EquatableArray<RuleSymbol>.Empty, 0, 0,
            EquatableArray<SaysSymbol>.Empty, LocationOf(tree, declaration.Name!.Value), HasErrors: true);

    /// <summary>The space a persona or goal is in; null (and reported when unknown) if it cannot be used.</summary>
    private SpaceSymbol? ResolveSpaceOf(SyntaxToken? spaceName, SyntaxTree tree, Dictionary<string, SpaceSymbol> spaces)
    {
        if (spaceName is null || spaceName.Value.IsMissing) return null;
        if (_brokenSpaces.Contains(spaceName.Value.Text)) return null;
        if (!Resolve(spaces.Keys, "space", spaceName.Value, tree, Key(SymbolKind.Space, spaceName.Value.Text))) return null;
        var space = spaces[spaceName.Value.Text];
        return space.Dimensions.Count == 0 ? null : space;
    }

    private PersonaSymbol BindPersona(PersonaDeclarationSyntax persona, SyntaxTree tree, Dictionary<string, SpaceSymbol> spaces, HashSet<string> cueNames)
    {
        string name = persona.Name!.Value.Text;
        int errorsBefore = _errorCount;
        var space = ResolveSpaceOf(persona.SpaceName, tree, spaces);
        var members = FirstMembers(persona.Members, "persona", name, tree, PersonaUniqueMembers);
        // Errors in the header and duplicated members flag the persona for the pair checks; the caller
        // adds errors reported before binding (syntax, collisions), so this stays a function of the
        // declaration and its environment (see BindReusing).
        bool hasErrors = space is null || _incompleteSpaces.Contains(space.Name) || _errorCount > errorsBefore;

        // start
        var start = new double[space?.Dimensions.Count ?? 0];
        if (!members.TryGetValue("start", out var startMember))
        {
            if (!InSkippedMember(persona.Members, "start"))
                Report(DiagnosticCatalogue.MissingMember, tree, persona.Name.Value.Span, "persona", name, "`start`");
        }
        else if (space is not null && startMember is EntriesMemberSyntax entries)
        {
            var given = BindPoint(entries, space, tree, $"the start of persona", name, "start");
            foreach (var (index, value, _) in given) start[index] = value;
            if (given.Count < space.Dimensions.Count && AllDimensionsKnown(entries, space))
            {
                var isGiven = new bool[space.Dimensions.Count];
                foreach (var (index, _, _) in given) isGiven[index] = true;
                var missing = space.Dimensions.Where(d => !isGiven[d.Index]).Select(d => "'" + d.Name + "'").ToList();
                string what = (missing.Count == 1 ? "dimension " : "dimensions ") + string.Join(", ", missing);
                Report(DiagnosticCatalogue.IncompleteStart, tree, entries.Keyword.Span, name, what, space.Name);
            }
        }

        // traits
        var traits = EquatableArray<TraitValue>.Empty;
        if (members.TryGetValue("traits", out var traitsMember) && traitsMember is EntriesMemberSyntax traitsBlock)
        {
            var entries = traitsBlock.Entries;
            var values = new TraitValue[entries.Count];
            int count = 0;
            var seen = ScratchNames();
            for (int i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (!seen.Add(entry.Name.Text))
                {
                    Report(DiagnosticCatalogue.DuplicateMember, tree, entry.Name.Span, entry.Name.Text, "the traits of persona", name);
                    continue;
                }
                double v = entry.Value.NumberValue;
                if (!(v >= 0 && v <= 1) && !double.IsNaN(v))
                    Report(DiagnosticCatalogue.InvalidDynamics, tree, entry.Value.Span, $"trait '{entry.Name.Text}' is {Format(v)}; traits must lie in [0, 1]");
                values[count++] = new TraitValue(entry.Name.Text, v);
            }
            traits = Exact(values, count);
        }

        double drift = NumberMember(members, "drift", 0.0);
        if (members.TryGetValue("drift", out var driftMember) && driftMember is ValueMemberSyntax driftValue && !(drift >= 0 && drift <= 1) && !double.IsNaN(drift))
            Report(DiagnosticCatalogue.InvalidDynamics, tree, driftValue.Value.Span, $"drift is {Format(drift)}; it must lie in [0, 1]");
        double noise = NumberMember(members, "noise", 0.0);
        if (members.TryGetValue("noise", out var noiseMember) && noiseMember is ValueMemberSyntax noiseValue && noise < 0)
            Report(DiagnosticCatalogue.InvalidDynamics, tree, noiseValue.Value.Span, $"noise is {Format(noise)}; it must not be negative");

        // rules and says (counted first: the symbols' arrays are made at their size)
        int ruleCount = 0, saysCount = 0;
        var allMembers = persona.Members;
        for (int i = 0; i < allMembers.Count; i++)
        {
            if (allMembers[i] is RuleSyntax) ruleCount++;
            else if (allMembers[i] is SaysSyntax) saysCount++;
        }
        var rules = new List<RuleSymbol>(ruleCount);
        var ruleSyntax = new List<RuleSyntax>(ruleCount);
        var says = new SaysSymbol[space is null ? 0 : saysCount];
        int saysBound = 0;
        bool defaultSays = false;
        var ruleCues = ScratchNames(); // the declared cues the rules name, against the sandbox's limit
        for (int m = 0; m < allMembers.Count; m++)
        {
            if (allMembers[m] is not RuleSyntax rule) continue;
            if (Resolve(cueNames, "cue", rule.Cue, tree, Key(SymbolKind.Cue, rule.Cue.Text))
                && rule.Cue.Text != CueSymbol.Mirroring && ruleCues.Add(rule.Cue.Text) && ruleCues.Count == Limits.MaxRuleCues + 1)
                Report(DiagnosticCatalogue.TooManyCues, tree, rule.Cue.Span, name, Limits.MaxRuleCues);
            if (space is null) continue;
            var conditions = BindConditions(rule.When, space, tree);
            var effectSyntax = rule.Effects;
            var effects = new EffectSymbol[effectSyntax.Count];
            int bound = 0;
            for (int i = 0; i < effectSyntax.Count; i++)
            {
                var effect = effectSyntax[i];
                int d = ResolveDimension(space, effect.Dimension, tree);
                if (d < 0) continue;
                double amount = effect.Operator.Kind == SyntaxKind.MinusEquals ? -effect.Value.NumberValue : effect.Value.NumberValue;
                var dim = space.Dimensions[d];
                if (Math.Abs(amount) > dim.Width && !double.IsNaN(dim.Width))
                    Report(DiagnosticCatalogue.EffectTooLarge, tree, Spans.Of(effect.Dimension, effect.Value), Format(amount), dim.Name, Format(dim.Width));
                effects[bound++] = new EffectSymbol(d, amount);
            }
            if (conditions is null || bound != effects.Length) continue;
            rules.Add(new RuleSymbol(rule.Cue.Text, conditions.Value, new EquatableArray<EffectSymbol>(effects), LocationOf(tree, rule.OnKeyword)));
            ruleSyntax.Add(rule);
        }
        if (space is not null) ReportOpposingRules(rules, ruleSyntax, space, tree);

        for (int m = 0; m < allMembers.Count; m++)
        {
            // A line without `when` that could not be read is still there: its syntax error is reported, not a silence.
            if (allMembers[m] is SkippedSyntax skipped && IsSaysWithoutWhen(skipped)) defaultSays = true;
            if (allMembers[m] is not SaysSyntax line) continue;
            defaultSays |= line.When is null;
            if (space is null) continue;
            var conditions = BindConditions(line.When, space, tree);
            if (conditions is not null)
                says[saysBound++] = new SaysSymbol(conditions.Value, line.Text.StringValue, LocationOf(tree, line.SaysKeyword));
        }
        if (!defaultSays)
            Report(DiagnosticCatalogue.NoDefaultSays, tree, persona.Name.Value.Span, name);

        return new PersonaSymbol(
            name,
            persona.SpaceName.Text,
            members.TryGetValue("about", out var about) && about is ValueMemberSyntax aboutValue ? aboutValue.Value.StringValue : null,
            traits,
            new EquatableArray<double>(start),
            members.TryGetValue("opens", out var opens) && opens is ValueMemberSyntax opensValue ? opensValue.Value.StringValue : PersonaSymbol.DefaultOpens,
            rules.ToEquatableArray(),
            drift,
            noise,
            Exact(says, saysBound),
            LocationOf(tree, persona.Name!.Value),
            hasErrors);
    }

    private static bool IsSaysWithoutWhen(SkippedSyntax member)
    {
        var tokens = member.Tokens;
        return tokens[0].IsKeyword("says") && (tokens.Count < 2 || !tokens[1].IsKeyword("when"));
    }

    private static double NumberMember(MemberTable members, string keyword, double fallback) =>
        members.TryGetValue(keyword, out var member) && member is ValueMemberSyntax v && v.Value.Kind == SyntaxKind.Number
            ? v.Value.NumberValue
            : fallback;

    /// <summary>
    /// The index of a dimension of <paramref name="space"/> by name, or -1 (a space symbol holds each name once: a
    /// duplicate is reported, EMPS2001, and left out). A space of a
    /// few dimensions is searched; a wide one gets a table, made once per compilation, so that binding a block or
    /// rules that name thousands of its dimensions stays linear.
    /// </summary>
    private int DimensionIndex(SpaceSymbol space, string name)
    {
        const int SearchedUpTo = 16;
        if (space.Dimensions.Count <= SearchedUpTo) return space.IndexOf(name);
        _dimensionTables ??= new Dictionary<SpaceSymbol, Dictionary<string, int>>(ReferenceComparer<SpaceSymbol>.Instance);
        if (!_dimensionTables.TryGetValue(space, out var table))
        {
            table = new Dictionary<string, int>(space.Dimensions.Count, StringComparer.Ordinal);
            for (int i = 0; i < space.Dimensions.Count; i++) table.Add(space.Dimensions[i].Name, i);
            _dimensionTables.Add(space, table);
        }
        return table.TryGetValue(name, out int index) ? index : -1;
    }

    private Dictionary<SpaceSymbol, Dictionary<string, int>>? _dimensionTables;

    /// <summary>Resolves a dimension name in a space (EMPS2003 with a suggestion when unknown); -1 when unknown.</summary>
    private int ResolveDimension(SpaceSymbol space, SyntaxToken token, SyntaxTree tree)
    {
        int index = DimensionIndex(space, token.Text);
        if (index >= 0)
        {
            _references.Add(new SymbolReference(Key(SymbolKind.Dimension, token.Text, space.Name), tree.Path, token.Span));
            return index;
        }
        // A space with a dimension that could not be read may hold this name: not reported (its syntax error is).
        if (_incompleteSpaces.Contains(space.Name)) return -1;
        Report(DiagnosticCatalogue.UnknownDimension, tree, token.Span, SuggestName(token, space.Dimensions.Select(d => d.Name)), token.Text, space.Name);
        return -1;
    }

    /// <summary>
    /// Binds the entries of a <c>start</c>, <c>target</c> or <c>shift</c> block: dimensions resolved,
    /// duplicates reported (EMPS3008), values checked against ranges when <paramref name="rangeCheck"/> names the value.
    /// </summary>
    /// <remarks>The list is the binder's scratch, valid until the next call.</remarks>
    private List<(int Index, double Value, EntrySyntax Entry)> BindPoint(EntriesMemberSyntax block, SpaceSymbol space, SyntaxTree tree, string owner, string ownerName, string? rangeCheck)
    {
        var result = _point;
        result.Clear();
        var given = GivenDimensions(space.Dimensions.Count);
        var entries = block.Entries;
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            int d = ResolveDimension(space, entry.Name, tree);
            if (d < 0) continue;
            if (given[d])
            {
                Report(DiagnosticCatalogue.DuplicateMember, tree, entry.Name.Span, entry.Name.Text, owner, ownerName);
                continue;
            }
            double value = entry.Value.NumberValue;
            var dim = space.Dimensions[d];
            if (rangeCheck is not null && dim.Low < dim.High && (value < dim.Low || value > dim.High))
                Report(DiagnosticCatalogue.ValueOutOfRange, tree, entry.Value.Span, rangeCheck, Format(value), dim.Name, Format(dim.Low), Format(dim.High));
            result.Add((d, value, entry));
            given[d] = true;
        }
        foreach (var (index, _, _) in result) given[index] = false; // the scratch is all false again for the next block
        return result;
    }

    /// <summary>
    /// The binder's scratch marks of the dimensions a point block gives (all false between calls): a duplicate
    /// is found with one look-up, so a block of many entries in a space of many dimensions stays linear.
    /// </summary>
    private bool[] GivenDimensions(int count)
    {
        if (_given.Length < count) _given = new bool[Math.Max(count, 2 * _given.Length)];
        return _given;
    }

    /// <summary>Binds a <c>when</c> clause; null when a dimension is unknown. Reports constant conditions (EMPS2010).</summary>
    private EquatableArray<ConditionSymbol>? BindConditions(WhenClauseSyntax? when, SpaceSymbol space, SyntaxTree tree)
    {
        if (when is null) return EquatableArray<ConditionSymbol>.Empty;
        var conditions = when.Conditions;
        var result = new ConditionSymbol[conditions.Count];
        int bound = 0;
        bool ok = true;
        for (int i = 0; i < conditions.Count; i++)
        {
            var condition = conditions[i];
            int d = ResolveDimension(space, condition.Dimension, tree);
            if (d < 0)
            {
                ok = false;
                continue;
            }
            var op = condition.Operator.Kind switch
            {
                SyntaxKind.Less => ComparisonOperator.Less,
                SyntaxKind.LessEqual => ComparisonOperator.LessOrEqual,
                SyntaxKind.Greater => ComparisonOperator.Greater,
                _ => ComparisonOperator.GreaterOrEqual,
            };
            var symbol = new ConditionSymbol(d, op, condition.Value.NumberValue);
            var dim = space.Dimensions[d];
            // An invalid number (NaN, already reported as EMPS0002) has no truth to decide.
            string? constant = double.IsNaN(symbol.Value) ? null : ConstantTruth(symbol, dim.Low, dim.High);
            if (constant is not null)
            {
                string text = $"{condition.Dimension.Text} {condition.Operator.Text} {condition.Value.Text}";
                Report(DiagnosticCatalogue.ConstantCondition, tree, Spans.Of(condition.Dimension, condition.Value), text, constant, Format(dim.Low), Format(dim.High), dim.Name);
            }
            result[bound++] = symbol;
        }
        return ok ? new EquatableArray<ConditionSymbol>(result) : null;
    }

    /// <summary>"never holds" / "always holds" when the comparison has one answer over [lo, hi]; else null.</summary>
    private static string? ConstantTruth(ConditionSymbol c, double lo, double hi)
    {
        bool atLo = c.Holds(lo), atHi = c.Holds(hi);
        // Every comparison is monotone in x, so its truth over [lo, hi] is decided at the ends.
        if (atLo && atHi) return "always holds";
        if (!atLo && !atHi) return "never holds";
        return null;
    }

    /// <summary>EMPS2013: two rules on one cue with the same conditions that push one dimension both ways.</summary>
    private void ReportOpposingRules(List<RuleSymbol> rules, List<RuleSyntax> syntax, SpaceSymbol space, SyntaxTree tree)
    {
        for (int j = 1; j < rules.Count; j++)
        {
            for (int i = 0; i < j; i++)
            {
                if (rules[i].Cue != rules[j].Cue || !SameConditions(rules[i].Conditions, rules[j].Conditions)) continue;
                foreach (var d in rules[j].Effects.Select(e => e.Dimension).Distinct())
                {
                    double a = rules[i].Effects.Where(e => e.Dimension == d).Sum(e => e.Amount);
                    double b = rules[j].Effects.Where(e => e.Dimension == d).Sum(e => e.Amount);
                    if (!(a * b < 0)) continue; // same direction, no move, or an invalid number (NaN)
                    var effect = syntax[j].Effects.Items.First(e => e.Dimension.Text == space.Dimensions[d].Name);
                    Report(DiagnosticCatalogue.OpposingRules, tree, Spans.Of(effect.Dimension, effect.Value), rules[j].Cue, space.Dimensions[d].Name, Where(tree, syntax[i].OnKeyword.Span));
                }
            }
        }
    }

    private static bool SameConditions(EquatableArray<ConditionSymbol> a, EquatableArray<ConditionSymbol> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var c in a) if (!Contains(b, c)) return false;
        foreach (var c in b) if (!Contains(a, c)) return false;
        return true;
    }

    private static bool Contains(EquatableArray<ConditionSymbol> conditions, ConditionSymbol condition)
    {
        foreach (var c in conditions) if (c.Equals(condition)) return true;
        return false;
    }

    private bool AllDimensionsKnown(EntriesMemberSyntax entries, SpaceSymbol space)
    {
        var items = entries.Entries;
        for (int i = 0; i < items.Count; i++) if (DimensionIndex(space, items[i].Name.Text) < 0) return false;
        return true;
    }
}

/// <summary>Object identity as equality (netstandard2.0 has no <c>ReferenceEqualityComparer</c>): for tables keyed by records, whose own equality compares values.</summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T> where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}

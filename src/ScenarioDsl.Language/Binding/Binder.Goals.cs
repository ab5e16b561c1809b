using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;

namespace ScenarioDsl.Language.Binding;

internal sealed partial class Binder
{
    private static readonly string[] GoalUniqueMembers = { "target", "shift", "within", "turns", "weights", "scoring" };
    private static readonly string[] WeightNames = { "alignment", "impact", "stability" };

    private GoalSymbol[] BindGoals(Dictionary<string, SpaceSymbol> spaceByName)
    {
        var environments = new Dictionary<string, DeclarationEnvironment>(StringComparer.Ordinal);
        var result = new GoalSymbol[_goals.Count];
        int n = 0;
        foreach (var declared in _goals.Values)
        {
            var tree = declared.Tree;
            if (declared.Syntax is GoalDeclarationSyntax goal)
            {
                bool priorErrors = HasErrorsIn(declared);
                var environment = EnvironmentOf(declared, spaceByName, EquatableArray<string>.Empty, environments);
                if (!TryReplay(declared, environment, out GoalSymbol symbol))
                {
                    var start = Mark();
                    symbol = BindGoal(goal, tree, spaceByName);
                    Remember(declared, environment, symbol, start);
                }
                result[n++] = priorErrors && !symbol.HasErrors ? symbol with { HasErrors = true } : symbol;
            }
            else
            {
                var incomplete = (IncompleteDeclarationSyntax)declared.Syntax;
                ResolveSpaceOf(incomplete.SpaceName, tree, spaceByName);
                result[n++] = new GoalSymbol(
                    incomplete.Name!.Value.Text, incomplete.SpaceName?.Text ?? "", null, GoalKind.Target, EquatableArray<GoalComponent>.Empty,
                    GoalSymbol.DefaultWithin, GoalSymbol.DefaultTurns, 0.4, 0.3, 0.3, ScoringProfileKind.Process, EpmDirection.Fixed,
                    LocationOf(tree, incomplete.Name!.Value), HasErrors: true);
            }
        }
        return result;
    }

    private GoalSymbol BindGoal(GoalDeclarationSyntax goal, SyntaxTree tree, Dictionary<string, SpaceSymbol> spaces)
    {
        string name = goal.Name!.Value.Text;
        int errorsBefore = _errorCount;
        var space = ResolveSpaceOf(goal.SpaceName, tree, spaces);
        var members = FirstMembers(goal.Members, "goal", name, tree, GoalUniqueMembers);

        // target or shift: exactly one, naming at least one dimension
        members.TryGetValue("target", out var target);
        members.TryGetValue("shift", out var shift);
        var kind = shift is not null && target is null ? GoalKind.Shift : GoalKind.Target;
        var pointMember = kind == GoalKind.Shift ? shift : target;
        var point = pointMember as EntriesMemberSyntax;
        if (target is not null && shift is not null)
        {
            var second = target.Span.Start > shift.Span.Start ? target : shift;
            Report(DiagnosticCatalogue.InvalidGoalKind, tree, second.Head.Span, $"goal '{name}' gives both `target` and `shift`; give exactly one");
        }
        else if (pointMember is null)
        {
            Report(DiagnosticCatalogue.InvalidGoalKind, tree, goal.Name.Value.Span, $"goal '{name}' gives neither `target` nor `shift`; give exactly one");
        }
        else if (point is not null && point.Entries.Count == 0)
        {
            Report(DiagnosticCatalogue.InvalidGoalKind, tree, point.Keyword.Span, $"the `{point.Keyword.Text}` of goal '{name}' constrains no dimension");
        }

        var components = Array.Empty<GoalComponent>();
        if (point is not null && space is not null)
        {
            var given = BindPoint(point, space, tree, $"the {point.Keyword.Text} of goal", name, kind == GoalKind.Target ? "target" : null);
            components = new GoalComponent[given.Count];
            for (int i = 0; i < components.Length; i++) components[i] = new GoalComponent(given[i].Index, given[i].Value);
            // in dimension order (indexes are distinct: BindPoint drops duplicates, so an unstable sort is exact)
            Array.Sort(components, static (a, b) => a.Dimension.CompareTo(b.Dimension));
        }

        // within
        double within = NumberMember(members, "within", GoalSymbol.DefaultWithin);
        if (space is not null)
        {
            double diagonal = Math.Sqrt(space.Dimensions.Sum(d => d.Width * d.Width));
            // In a space with a dimension that could not be read, the diagonal of the others is only a lower bound:
            // a within at or above it may still be smaller than the whole diagonal, and is not reported.
            bool incomplete = _incompleteSpaces.Contains(space.Name);
            if (members.TryGetValue("within", out var withinMember) && withinMember is ValueMemberSyntax withinValue && !(within > 0 && (within < diagonal || incomplete)) && !double.IsNaN(within) && !double.IsNaN(diagonal))
                Report(DiagnosticCatalogue.InvalidWithin, tree, withinValue.Value.Span, Format(within), space.Name, incomplete ? "at least " + Format(diagonal) : Format(diagonal));
        }

        // turns
        int turns = GoalSymbol.DefaultTurns;
        if (members.TryGetValue("turns", out var turnsMember) && turnsMember is ValueMemberSyntax turnsValue)
        {
            var token = turnsValue.Value;
            double value = token.NumberValue;
            if (value >= 1 && value <= 1000 && Math.Floor(value) == value) turns = (int)value;
            else if (!double.IsNaN(value)) Report(DiagnosticCatalogue.InvalidTurns, tree, token.Span, token.Text);
        }

        // weights
        double wa = 0.4, wi = 0.3, ws = 0.3;
        if (members.TryGetValue("weights", out var weightsMember) && weightsMember is EntriesMemberSyntax block)
        {
            wa = wi = ws = 0;
            var seen = ScratchNames();
            var entries = block.Entries;
            for (int i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                string weight = entry.Name.Text;
                if (Array.IndexOf(WeightNames, weight) < 0)
                {
                    Report(DiagnosticCatalogue.UnknownReference, tree, entry.Name.Span, SuggestName(entry.Name, WeightNames), "weight", weight);
                    continue;
                }
                if (!seen.Add(weight))
                {
                    Report(DiagnosticCatalogue.DuplicateMember, tree, entry.Name.Span, weight, "the weights of goal", name);
                    continue;
                }
                double v = entry.Value.NumberValue;
                if (v < 0)
                    Report(DiagnosticCatalogue.InvalidWeights, tree, entry.Value.Span, $"weight '{weight}' is {Format(v)}; weights must not be negative");
                if (weight == "alignment") wa = v;
                else if (weight == "impact") wi = v;
                else ws = v;
            }
            if (wa == 0 && wi == 0 && ws == 0 && block.Entries.Items.All(e => e.Value.NumberValue >= 0 || double.IsNaN(e.Value.NumberValue)) && !block.Entries.Items.Any(e => double.IsNaN(e.Value.NumberValue)))
                Report(DiagnosticCatalogue.InvalidWeights, tree, block.Keyword.Span, $"the weights of goal '{name}' are all zero; give at least one positive weight");
        }

        // scoring
        var profile = ScoringProfileKind.Process;
        var direction = EpmDirection.Fixed;
        if (members.TryGetValue("scoring", out var scoringMember) && scoringMember is ScoringSyntax scoring)
        {
            profile = scoring.Profile.Text == "epm" ? ScoringProfileKind.Epm : ScoringProfileKind.Process;
            direction = scoring.DirectionText == "per-turn" ? EpmDirection.PerTurn : EpmDirection.Fixed;
        }

        return new GoalSymbol(
            name, goal.SpaceName.Text, goal.Description?.StringValue, kind, Exact(components, components.Length),
            within, turns, wa, wi, ws, profile, direction, LocationOf(tree, goal.Name!.Value), HasErrors: space is null || _incompleteSpaces.Contains(space.Name) || _errorCount > errorsBefore);
    }
}

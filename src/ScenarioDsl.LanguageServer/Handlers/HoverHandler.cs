using System.Globalization;
using System.Text;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>
/// textDocument/hover: a dimension's range and description, a space's dimensions, a persona's
/// start and a summary of its rules, a goal's target or shift, a cue's phrases, a scenario's or
/// suite's parts.
/// </summary>
internal static class HoverHandler
{
    public static Hover? Handle(WorkspaceSnapshot snapshot, TextDocumentPositionParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return null;
        int offset = doc.Offset(p!.Position);
        var key = doc.Compilation.Index.FindAt(doc.Path, offset);
        if (key is null) return null;
        string? text = Describe(doc.Compilation.Model, key);
        if (text is null) return null;
        var token = doc.Tree.FindName(offset);
        return new Hover(MarkupContent.Markdown(text), token is not { } t ? null : doc.Range(t.Span));
    }

    internal static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    internal static string? Describe(BoundModel model, SymbolKey key)
    {
        switch (key.Kind)
        {
            case SymbolKind.Dimension:
            {
                var space = key.Container is null ? null : model.FindSpace(key.Container);
                var dim = space?.Dimensions.FirstOrDefault(d => d.Name == key.Name);
                if (dim is null) return $"dimension `{key.Name}`";
                return $"dimension `{dim.Name}` of space `{space!.Name}`: range [{F(dim.Low)}, {F(dim.High)}]" +
                       (dim.Description is null ? "" : "\n\n" + Md(dim.Description));
            }
            case SymbolKind.Space:
            {
                var space = model.FindSpace(key.Name);
                if (space is null) return $"space `{key.Name}`";
                var sb = new StringBuilder($"space `{space.Name}`");
                if (space.Description is not null) sb.Append("\n\n").Append(Md(space.Description));
                sb.Append("\n\n");
                foreach (var d in space.Dimensions)
                    sb.Append($"- `{d.Name}` [{F(d.Low)}, {F(d.High)}]").Append(d.Description is null ? "" : " " + Md(d.Description)).Append('\n');
                return sb.ToString().TrimEnd();
            }
            case SymbolKind.Cue:
            {
                var cue = model.FindCue(key.Name);
                if (cue is null) return $"cue `{key.Name}`";
                if (cue.IsBuiltIn) return $"cue `{cue.Name}` (built in): at least 25% of the content words of the persona's previous message reappear in the reply";
                return $"cue `{cue.Name}`: " + string.Join(", ", cue.Phrases.Select(ph => "\"" + Md(ph) + "\""));
            }
            case SymbolKind.Persona:
            {
                var persona = model.FindPersona(key.Name);
                if (persona is null) return $"persona `{key.Name}`";
                var space = model.FindSpace(persona.Space);
                string Dim(int i) => space is not null && i < space.Dimensions.Count ? space.Dimensions[i].Name : "#" + i;
                var sb = new StringBuilder($"persona `{persona.Name}` in `{persona.Space}`");
                if (persona.About is not null) sb.Append("\n\n").Append(Md(persona.About));
                sb.Append("\n\nstart: ").Append(string.Join(", ", persona.Start.Select((v, i) => $"{Dim(i)} {F(v)}")));
                sb.Append($"\n\n{persona.Rules.Count} rule{(persona.Rules.Count == 1 ? "" : "s")}");
                foreach (var r in persona.Rules.Take(12))
                {
                    sb.Append("\n- on ").Append(r.Cue);
                    if (r.Conditions.Count > 0)
                        sb.Append(" when ").Append(string.Join(" and ", r.Conditions.Select(c => $"{Dim(c.Dimension)} {Op(c.Operator)} {F(c.Value)}")));
                    sb.Append(": ").Append(string.Join(", ", r.Effects.Select(e => $"{Dim(e.Dimension)} {(e.Amount >= 0 ? "+" : "")}{F(e.Amount)}")));
                }
                if (persona.Rules.Count > 12) sb.Append("\n- ...");
                if (persona.Drift != 0 || persona.Noise != 0) sb.Append($"\n\ndrift {F(persona.Drift)}, noise {F(persona.Noise)}");
                return sb.ToString();
            }
            case SymbolKind.Goal:
            {
                var goal = model.FindGoal(key.Name);
                if (goal is null) return $"goal `{key.Name}`";
                var space = model.FindSpace(goal.Space);
                string Dim(int i) => space is not null && i < space.Dimensions.Count ? space.Dimensions[i].Name : "#" + i;
                var sb = new StringBuilder($"goal `{goal.Name}` in `{goal.Space}`");
                if (goal.Description is not null) sb.Append("\n\n").Append(Md(goal.Description));
                sb.Append("\n\n").Append(goal.Kind == GoalKind.Target ? "target: " : "shift: ")
                  .Append(string.Join(", ", goal.Components.Select(c => $"{Dim(c.Dimension)} {(goal.Kind == GoalKind.Shift && c.Value > 0 ? "+" : "")}{F(c.Value)}")));
                sb.Append($"\n\nwithin {F(goal.Within)}, {goal.Turns} turns, weights alignment {F(goal.AlignmentWeight)} impact {F(goal.ImpactWeight)} stability {F(goal.StabilityWeight)}");
                sb.Append(goal.Scoring == ScoringProfileKind.Epm
                    ? $", scoring epm (direction {(goal.Direction == EpmDirection.Fixed ? "fixed" : "per-turn")})"
                    : ", scoring process");
                return sb.ToString();
            }
            case SymbolKind.Scenario:
            {
                var s = model.FindScenario(key.Name);
                return s is null ? $"scenario `{key.Name}`" : $"scenario `{s.Name}`: persona `{s.Persona}`, goal `{s.Goal}`, seed {s.Seed}";
            }
            case SymbolKind.Suite:
            {
                var s = model.FindSuite(key.Name);
                if (s is null) return $"suite `{key.Name}`";
                int cases = s.Personas.Count * s.Goals.Count * s.Seeds.Count;
                return $"suite `{s.Name}`: {cases} case{(cases == 1 ? "" : "s")} (personas {string.Join(", ", s.Personas)}; goals {string.Join(", ", s.Goals)}; seeds {Seeds(s.Seeds)})";
            }
        }
        return null;
    }

    /// <summary>
    /// User text (descriptions, <c>about</c>, cue phrases) as literal Markdown: every ASCII punctuation character is
    /// backslash-escaped (CommonMark allows that for all of them), so '# x', '*x*', '1. x' or '&lt;b&gt;' show as written
    /// rather than as a heading, emphasis, a list or HTML; line breaks become Markdown hard breaks.
    /// </summary>
    internal static string Md(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c == '\n') sb.Append("  \n");
            else if (c == '\r') continue;
            else
            {
                if (c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c))) sb.Append('\\');
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>A suite's seeds: "1..10000" for a range (a suite lists up to 10,000), else each.</summary>
    private static string Seeds(IReadOnlyList<int> seeds) =>
        seeds.Count > 2 && seeds[^1] - seeds[0] == seeds.Count - 1
            ? $"{seeds[0].ToString(CultureInfo.InvariantCulture)}..{seeds[^1].ToString(CultureInfo.InvariantCulture)}"
            : string.Join(", ", seeds.Select(x => x.ToString(CultureInfo.InvariantCulture)));

    private static string Op(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}

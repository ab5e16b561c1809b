using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>
/// textDocument/semanticTokens/full: keywords (contextual, so only where the grammar uses them),
/// declared names by what they name, numbers, strings and operators. Comments are left to the
/// TextMate grammar (they may span lines).
/// </summary>
internal static class SemanticTokensHandler
{
    public static readonly SemanticTokensLegend Legend = new(
        new[] { "keyword", "type", "property", "event", "class", "struct", "function", "namespace", "number", "string", "operator", "parameter" },
        Array.Empty<string>());

    private const int Keyword = 0, Type = 1, Property = 2, Event = 3, Class = 4, Struct = 5, Function = 6, Namespace = 7, Number = 8, String = 9, Operator = 10, Parameter = 11;

    public static SemanticTokens Handle(WorkspaceSnapshot snapshot, SemanticTokensParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return new SemanticTokens(Array.Empty<int>());
        var index = doc.Compilation.Index;
        var names = new Dictionary<int, SymbolKind>();
        foreach (var d in index.Definitions) if (d.Path == doc.Path) names[d.NameSpan.Start] = d.Key.Kind;
        foreach (var r in index.References) if (r.Path == doc.Path) names[r.Span.Start] = r.Key.Kind;
        var keywords = KeywordTokens(doc.Tree.Root);
        var entryNames = new HashSet<SyntaxToken>(doc.Tree.Root.DescendantNodesAndSelf().OfType<EntrySyntax>().Select(e => e.Name));

        var data = new List<int>();
        int lastLine = 0, lastChar = 0;
        foreach (var token in doc.Tree.Root.DescendantTokens())
        {
            if (token.IsMissing || token.Span.Length == 0) continue;
            int type = token.Kind switch
            {
                SyntaxKind.Number => Number,
                SyntaxKind.String => String,
                SyntaxKind.Arrow or SyntaxKind.PlusEquals or SyntaxKind.MinusEquals or SyntaxKind.Less or SyntaxKind.LessEqual
                    or SyntaxKind.Greater or SyntaxKind.GreaterEqual or SyntaxKind.DotDot => Operator,
                SyntaxKind.Identifier when names.TryGetValue(token.Span.Start, out var kind) => kind switch
                {
                    SymbolKind.Space => Type,
                    SymbolKind.Dimension => Property,
                    SymbolKind.Cue => Event,
                    SymbolKind.Persona => Class,
                    SymbolKind.Goal => Struct,
                    SymbolKind.Scenario => Function,
                    _ => Namespace,
                },
                SyntaxKind.Identifier when keywords.Contains(token) => Keyword,
                SyntaxKind.Identifier when entryNames.Contains(token) => Parameter,
                _ => -1,
            };
            if (type < 0) continue;
            var start = doc.Text.GetLinePosition(token.Span.Start);
            var end = doc.Text.GetLinePosition(token.Span.End);
            if (end.Line != start.Line) continue; // an unterminated string reaching the line end stays single-line; be safe
            int deltaLine = start.Line - lastLine;
            int deltaChar = deltaLine == 0 ? start.Character - lastChar : start.Character;
            data.Add(deltaLine); data.Add(deltaChar); data.Add(token.Span.Length); data.Add(type); data.Add(0);
            lastLine = start.Line;
            lastChar = start.Character;
        }
        return new SemanticTokens(data.ToArray());
    }

    /// <summary>The identifier tokens the grammar uses as keywords.</summary>
    internal static HashSet<SyntaxToken> KeywordTokens(CompilationUnitSyntax root)
    {
        var set = new HashSet<SyntaxToken>();
        foreach (var d in root.Declarations)
        {
            set.Add(d.Keyword);
            if (d is PersonaDeclarationSyntax pd) set.Add(pd.InKeyword);
            if (d is GoalDeclarationSyntax gd) set.Add(gd.InKeyword);
            if (d is not BlockDeclarationSyntax block) continue;
            foreach (var m in block.Members)
            {
                if (m is not (DimensionSyntax or CueSyntax or SkippedSyntax)) set.Add(m.Head);
                if (m is ScoringSyntax s)
                {
                    set.Add(s.Profile);
                    if (s.DirectionKeyword is { } direction) set.Add(direction);
                    foreach (var t in s.Direction) set.Add(t);
                }
                foreach (var when in m.DescendantNodesAndSelf().OfType<WhenClauseSyntax>())
                {
                    set.Add(when.WhenKeyword);
                    foreach (var sep in when.Conditions.Separators) set.Add(sep);
                }
            }
        }
        return set;
    }
}

using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>
/// textDocument/completion, from the tokens before the caret: declaration keywords at the top
/// level; member keywords at the start of a member; cues after <c>on</c>; spaces after <c>in</c>;
/// dimensions of the bound space inside <c>start</c>/<c>target</c>/<c>shift</c> braces, after
/// <c>when</c>/<c>and</c>/<c>=&gt;</c> and between effects; personas and goals in scenarios and suites.
/// </summary>
internal static class CompletionHandler
{
    private static readonly string[] PersonaMembers = { "about", "traits", "start", "opens", "on", "drift", "noise", "says" };
    private static readonly string[] GoalMembers = { "target", "shift", "within", "turns", "weights", "scoring" };
    private static readonly string[] ScenarioMembers = { "persona", "goal", "seed" };
    private static readonly string[] SuiteMembers = { "personas", "goals", "seeds" };
    private static readonly string[] Weights = { "alignment", "impact", "stability" };

    public static CompletionList Handle(WorkspaceSnapshot snapshot, CompletionParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return new CompletionList(false, Array.Empty<CompletionItem>());
        var items = Complete(doc.Compilation.Model, doc.Tree, doc.Offset(p!.Position));
        return new CompletionList(false, items.GroupBy(i => i.Label).Select(g => g.First()).ToArray());
    }

    internal static IEnumerable<CompletionItem> Complete(BoundModel model, SyntaxTree tree, int offset)
    {
        if (InsideStringOrComment(tree, offset)) return Array.Empty<CompletionItem>();
        var tokens = tree.Root.DescendantTokens().Where(t => !t.IsMissing && t.Kind != SyntaxKind.EndOfFile).ToList();
        // The token being typed (an identifier the caret touches at its end or inside) is replaced
        // by the completion; the context is what comes before it.
        int before = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Span.Start >= offset) break;
            if (t.Kind == SyntaxKind.Identifier && t.Span.End >= offset) break;
            before = i;
        }
        SyntaxToken? prev = before >= 0 ? tokens[before] : null;
        SyntaxToken? prev2 = before >= 1 ? tokens[before - 1] : null;
        bool startOfLine = IsLineStartBefore(tree.Text.Text, offset);

        var declaration = EnclosingDeclaration(tree.Root, offset);
        // A declaration starts only at the start of a line (after `scenario ` comes its name, after `}` a new line).
        if (declaration is null)
            return startOfLine ? Keywords(SyntaxFacts.DeclarationKeywords) : Array.Empty<CompletionItem>();

        string? spaceName = declaration switch
        {
            PersonaDeclarationSyntax pd => pd.SpaceName.Text,
            GoalDeclarationSyntax gd => gd.SpaceName.Text,
            IncompleteDeclarationSyntax id => id.SpaceName?.Text,
            _ => null,
        };
        var dims = spaceName is null ? Enumerable.Empty<CompletionItem>() : Dimensions(model, spaceName);

        if (prev is not null && prev.Value.IsKeyword("in") && declaration.Kind is DeclarationKind.Persona or DeclarationKind.Goal)
            return model.Spaces.Select(s => new CompletionItem(s.Name, CompletionItemKind.Module, "space"));

        // Inside the braces of an entries member (start, target, shift, traits, weights).
        if (declaration is BlockDeclarationSyntax block)
        {
            foreach (var member in block.Members.OfType<EntriesMemberSyntax>())
            {
                bool inside = member.OpenBrace.Span.End <= offset && (member.CloseBrace.IsMissing || offset <= member.CloseBrace.Span.Start);
                if (!inside) continue;
                if (prev is not null && prev.Value.Kind is not (SyntaxKind.OpenBrace or SyntaxKind.Comma)) return Array.Empty<CompletionItem>();
                int end = member.CloseBrace.IsMissing ? int.MaxValue : member.CloseBrace.Span.Start;
                return WithoutGiven(EntriesCompletion(member.Keyword.Text, dims), tokens, member.OpenBrace.Span.End, end, offset);
            }
        }

        // The same while the block is being typed and has no `}` yet (it is then no member of the tree, only tokens):
        // the nearest `{` before the caret that nothing closes, if an entries keyword opens it.
        if (UnclosedEntriesKeyword(tokens, before, out int openBrace) is { } typing)
        {
            if (prev is not null && prev.Value.Kind is not (SyntaxKind.OpenBrace or SyntaxKind.Comma)) return Array.Empty<CompletionItem>();
            // Only the entries before the caret are surely the block's: what follows may be the next members.
            return WithoutGiven(EntriesCompletion(typing, dims), tokens, tokens[openBrace].Span.End, offset, offset);
        }

        if (prev is not null)
        {
            if (prev.Value.IsKeyword("on")) return Cues(model);
            if (prev.Value.IsKeyword("when") || prev.Value.IsKeyword("and") || prev.Value.Kind == SyntaxKind.Arrow) return dims;
            if (prev.Value.IsKeyword("scoring")) return Keywords(new[] { "process", "epm" });
            if (prev.Value.IsKeyword("epm")) return Keywords(new[] { "direction" });
            if (prev.Value.IsKeyword("direction")) return Keywords(new[] { "fixed", "per-turn" });
            if (prev.Value.Kind == SyntaxKind.Comma && InEffects(tokens, before)) return dims;
            if (declaration.Kind == DeclarationKind.Scenario && !startOfLine)
            {
                if (prev.Value.IsKeyword("persona")) return Personas(model);
                if (prev.Value.IsKeyword("goal")) return Goals(model);
            }
            if (declaration.Kind == DeclarationKind.Suite && !startOfLine)
            {
                var listHead = prev.Value.Kind == SyntaxKind.Comma ? HeadOfList(tokens, before) : prev;
                if (listHead is not null && listHead.Value.IsKeyword("personas")) return Personas(model);
                if (listHead is not null && listHead.Value.IsKeyword("goals")) return Goals(model);
            }
        }

        bool atMemberStart = startOfLine || (prev is not null && prev.Value.Kind == SyntaxKind.OpenBrace && prev == (declaration as BlockDeclarationSyntax)?.OpenBrace);
        if (atMemberStart)
        {
            return declaration.Kind switch
            {
                DeclarationKind.Persona => Keywords(PersonaMembers),
                DeclarationKind.Goal => Keywords(GoalMembers),
                DeclarationKind.Scenario => Keywords(ScenarioMembers),
                DeclarationKind.Suite => Keywords(SuiteMembers),
                _ => Array.Empty<CompletionItem>(),
            };
        }
        return Array.Empty<CompletionItem>();
    }

    /// <summary>
    /// True inside a string's quotes or a comment (a line comment up to its line's end; a block comment without its
    /// <c>*/</c> up to the end of the file, where it ends).
    /// </summary>
    private static bool InsideStringOrComment(SyntaxTree tree, int offset)
    {
        string text = tree.Text.Text;
        bool Unclosed(SyntaxTrivia comment) =>
            comment.Span.Length < 4 || string.CompareOrdinal(text, comment.Span.End - 2, "*/", 0, 2) != 0;
        foreach (var token in tree.Root.DescendantTokens())
        {
            if (token.FullSpan.Start > offset) break;
            if (token.FullSpan.End < offset) continue;
            if (token.Kind == SyntaxKind.String && token.Span.Start < offset
                && (offset < token.Span.End || token.Span.Length < 2 || token.Text[token.Text.Length - 1] != '"'))
                return true;
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.Kind == SyntaxKind.LineComment && trivia.Span.Start < offset && offset <= trivia.Span.End) return true;
                if (trivia.Kind == SyntaxKind.BlockComment && trivia.Span.Start < offset
                    && (offset < trivia.Span.End || (offset == trivia.Span.End && Unclosed(trivia)))) return true;
            }
        }
        return false;
    }

    /// <summary>The keyword of a comma list (<c>personas A, B,</c>) whose last comma is at <paramref name="comma"/>.</summary>
    private static SyntaxToken? HeadOfList(List<SyntaxToken> tokens, int comma)
    {
        int i = comma;
        while (i >= 2 && tokens[i].Kind == SyntaxKind.Comma && tokens[i - 1].Kind == SyntaxKind.Identifier)
        {
            if (tokens[i - 2].Kind == SyntaxKind.Comma) i -= 2;
            else return tokens[i - 2];
        }
        return null;
    }

    /// <summary>True when an <c>=&gt;</c> comes before <paramref name="index"/> in the same member (the member's first token starts its line).</summary>
    private static bool InEffects(List<SyntaxToken> tokens, int index)
    {
        for (int i = index; i >= 0; i--)
        {
            if (tokens[i].Kind == SyntaxKind.Arrow) return true;
            if (tokens[i].IsFirstOnLine || tokens[i].Kind is SyntaxKind.OpenBrace or SyntaxKind.CloseBrace) return false;
        }
        return false;
    }

    private static bool IsLineStartBefore(string text, int offset)
    {
        int i = Math.Min(offset, text.Length) - 1;
        while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i--; // the word being typed
        while (i >= 0 && (text[i] == ' ' || text[i] == '\t')) i--;
        return i < 0 || text[i] == '\n' || text[i] == '\r';
    }

    private static IEnumerable<CompletionItem> EntriesCompletion(string keyword, IEnumerable<CompletionItem> dims) => keyword switch
    {
        "weights" => Keywords(Weights, CompletionItemKind.Property),
        "traits" => Array.Empty<CompletionItem>(),
        _ => dims,
    };

    /// <summary>
    /// The items less the names the block already gives (<c>name:</c> between <paramref name="start"/> and
    /// <paramref name="end"/>), so completion does not lead to a member given twice (EMPS3008); the name the caret is
    /// typing is not counted as given.
    /// </summary>
    private static IEnumerable<CompletionItem> WithoutGiven(IEnumerable<CompletionItem> items, List<SyntaxToken> tokens, int start, int end, int offset)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Span.Start < start) continue;
            if (token.Span.End > end) break;
            if (token.Kind == SyntaxKind.Identifier && tokens[i + 1].Kind == SyntaxKind.Colon
                && !(token.Span.Start <= offset && offset <= token.Span.End))
                given.Add(token.Text);
        }
        return given.Count == 0 ? items : items.Where(item => !given.Contains(item.Label));
    }

    private static readonly string[] EntriesKeywords = { "start", "target", "shift", "traits", "weights" };

    /// <summary>
    /// The keyword before the nearest <c>{</c> at or before token <paramref name="last"/> that no <c>}</c> before the
    /// caret closes, when it is an entries keyword; null otherwise (the declaration's own brace is preceded by its name).
    /// </summary>
    private static string? UnclosedEntriesKeyword(IReadOnlyList<SyntaxToken> tokens, int last, out int openBrace)
    {
        openBrace = -1;
        int depth = 0;
        for (int i = last; i >= 0; i--)
        {
            var kind = tokens[i].Kind;
            if (kind == SyntaxKind.CloseBrace) depth++;
            else if (kind == SyntaxKind.OpenBrace && depth-- == 0)
            {
                if (i == 0 || tokens[i - 1].Kind != SyntaxKind.Identifier) return null;
                openBrace = i;
                string keyword = tokens[i - 1].Text;
                return Array.IndexOf(EntriesKeywords, keyword) >= 0 ? keyword : null;
            }
        }
        return null;
    }

    /// <summary>The declaration whose extent (keyword to closing brace, or to the next declaration) holds the offset.</summary>
    private static DeclarationSyntax? EnclosingDeclaration(CompilationUnitSyntax root, int offset)
    {
        DeclarationSyntax? found = null;
        foreach (var d in root.Declarations)
        {
            if (d.Keyword.Span.End > offset) break;
            if (d.Keyword.Span.End == offset) return null; // typing the keyword itself
            found = d;
        }
        if (found is BlockDeclarationSyntax block)
        {
            if (block.OpenBrace.IsMissing || offset < block.OpenBrace.Span.End) return found;
            if (!block.CloseBrace.IsMissing && offset > block.CloseBrace.Span.Start) return null;
        }
        return found;
    }

    private static IEnumerable<CompletionItem> Keywords(IEnumerable<string> words, int kind = CompletionItemKind.Keyword) =>
        words.Select(w => new CompletionItem(w, kind));

    private static IEnumerable<CompletionItem> Dimensions(BoundModel model, string spaceName)
    {
        var space = model.FindSpace(spaceName);
        if (space is null) return Array.Empty<CompletionItem>();
        return space.Dimensions.Select(d => new CompletionItem(
            d.Name, CompletionItemKind.Field,
            $"[{HoverHandler.F(d.Low)}, {HoverHandler.F(d.High)}]" + (d.Description is null ? "" : " " + d.Description),
            SortText: d.Index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<CompletionItem> Cues(BoundModel model)
    {
        var cues = model.Cues.Select(c => new CompletionItem(c.Name, CompletionItemKind.Event, c.IsBuiltIn ? "built-in cue" : string.Join(", ", c.Phrases.Select(p => "\"" + p + "\""))));
        return model.FindCue(CueSymbol.Mirroring) is null
            ? cues.Append(new CompletionItem(CueSymbol.Mirroring, CompletionItemKind.Event, "built-in cue"))
            : cues;
    }

    private static IEnumerable<CompletionItem> Personas(BoundModel model) =>
        model.Personas.Select(p => new CompletionItem(p.Name, CompletionItemKind.Class, "persona in " + p.Space));

    private static IEnumerable<CompletionItem> Goals(BoundModel model) =>
        model.Goals.Select(g => new CompletionItem(g.Name, CompletionItemKind.Struct, "goal in " + g.Space));
}

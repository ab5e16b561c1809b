using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;
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
    private static readonly string[] Directions = { "fixed", "per-turn" };

    public static CompletionList Handle(WorkspaceSnapshot snapshot, CompletionParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return new CompletionList(false, Array.Empty<CompletionItem>());
        int offset = doc.Offset(p!.Position);
        var items = Complete(doc.Compilation.Model, doc.Tree, offset, out int replaceStart);
        // Each item replaces the whole partial token before the caret (`per-` included), whatever the editor takes for a word.
        var replace = doc.Range(new TextSpan(replaceStart, offset - replaceStart));
        return new CompletionList(false, items.GroupBy(i => i.Label).Select(g => g.First() with { TextEdit = new TextEdit(replace, g.Key) }).ToArray());
    }

    /// <summary>
    /// The items at <c>offset</c>; <c>replaceStart</c> is where the partial token they replace starts (the offset when
    /// there is none).
    /// </summary>
    internal static IEnumerable<CompletionItem> Complete(BoundModel model, SyntaxTree tree, int offset, out int replaceStart)
    {
        replaceStart = offset;
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
        if (before + 1 < tokens.Count && tokens[before + 1] is { Kind: SyntaxKind.Identifier } typed && typed.Span.Start < offset && offset <= typed.Span.End)
            replaceStart = typed.Span.Start;
        // `direction per-` and `direction per-tu`: the keyword `per-turn` is lexed as `per`, `-`, `turn`, so the partial
        // token is those tokens together (adjacent, no space between them).
        int hyphenated = before, hyphenStart = replaceStart;
        while (hyphenated >= 1 && tokens[hyphenated].Kind == SyntaxKind.Minus && tokens[hyphenated].Span.End == hyphenStart
               && tokens[hyphenated - 1].Kind == SyntaxKind.Identifier && tokens[hyphenated - 1].Span.End == tokens[hyphenated].Span.Start)
        {
            hyphenStart = tokens[hyphenated - 1].Span.Start;
            hyphenated -= 2;
        }
        if (hyphenStart < replaceStart && hyphenated >= 0 && tokens[hyphenated].IsKeyword("direction"))
        {
            replaceStart = hyphenStart;
            return Keywords(Directions);
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
        // `persona Name ` / `goal Name ` at the top level: the header goes on with `in Space`.
        if (prev is not null && !startOfLine && declaration is IncompleteDeclarationSyntax { Kind: DeclarationKind.Persona or DeclarationKind.Goal, Name: { } declared }
            && prev.Value.Span == declared.Span && !(before + 1 < tokens.Count && tokens[before + 1].IsKeyword("in") && tokens[before + 1].Span.Start >= offset))
            return Keywords(new[] { "in" });

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
            if (prev.Value.IsKeyword("direction")) return Keywords(Directions);
            if (prev.Value.Kind == SyntaxKind.Comma && InEffects(tokens, before)) return dims;
            // Personas and goals: only those bound to the space of the goals or personas the scenario or suite already
            // names (any other would be EMPS2006), and in a suite's list not those the list already names.
            if (declaration is ScenarioDeclarationSyntax scenario && !startOfLine)
            {
                if (prev.Value.IsKeyword("persona")) return Personas(model, SpacesOf(model, scenario, tokens, "goal"), NoNames);
                if (prev.Value.IsKeyword("goal")) return Goals(model, SpacesOf(model, scenario, tokens, "persona"), NoNames);
            }
            if (declaration is SuiteDeclarationSyntax suite && !startOfLine)
            {
                int head = prev.Value.Kind == SyntaxKind.Comma ? HeadOfList(tokens, before) : before;
                var listHead = head >= 0 ? tokens[head] : (SyntaxToken?)null;
                if (listHead is not null && listHead.Value.IsKeyword("personas"))
                    return Personas(model, SpacesOf(model, suite, tokens, "goals"), ListedNames(tokens, head, replaceStart, offset));
                if (listHead is not null && listHead.Value.IsKeyword("goals"))
                    return Goals(model, SpacesOf(model, suite, tokens, "personas"), ListedNames(tokens, head, replaceStart, offset));
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

    /// <summary>The index of the keyword of a comma list (<c>personas A, B,</c>) whose last comma is at <paramref name="comma"/>; -1 when there is none.</summary>
    private static int HeadOfList(List<SyntaxToken> tokens, int comma)
    {
        int i = comma;
        while (i >= 2 && tokens[i].Kind == SyntaxKind.Comma && tokens[i - 1].Kind == SyntaxKind.Identifier)
        {
            if (tokens[i - 2].Kind == SyntaxKind.Comma) i -= 2;
            else return i - 2;
        }
        return -1;
    }

    private static readonly HashSet<string> NoNames = new(StringComparer.Ordinal);

    /// <summary>
    /// The names a comma list (<c>personas A, B, |, C</c>) whose keyword is at <paramref name="head"/> already gives, before
    /// and after the caret, less the name being typed (from <paramref name="typingStart"/> to <paramref name="offset"/>).
    /// </summary>
    private static HashSet<string> ListedNames(List<SyntaxToken> tokens, int head, int typingStart, int offset)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool nameExpected = true;
        for (int i = head + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (nameExpected && token.Kind == SyntaxKind.Identifier)
            {
                if (!(typingStart < offset && token.Span.Start == typingStart)) names.Add(token.Text);
                nameExpected = false;
            }
            else if (!nameExpected && token.Kind == SyntaxKind.Comma) nameExpected = true;
            else if (nameExpected && token.Kind == SyntaxKind.Comma && tokens[i - 1].Span.End <= offset && offset <= token.Span.Start) continue; // `goals |, B`: the caret's slot
            else break;
        }
        return names;
    }

    /// <summary>
    /// The spaces of the goals (<paramref name="keyword"/> <c>goal</c>/<c>goals</c>) or personas a scenario or suite names
    /// in its members, as the binder's model binds them; empty when it names none that resolve (then nothing is filtered).
    /// </summary>
    private static HashSet<string> SpacesOf(BoundModel model, BlockDeclarationSyntax declaration, List<SyntaxToken> tokens, string keyword)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in declaration.Members.OfType<ReferenceMemberSyntax>())
        {
            if (member.Keyword.Text != keyword) continue;
            foreach (var name in member.Names.Items)
                if (!name.IsMissing) names.Add(name.Text);
        }
        // The member being typed (`persona ` or `personas A, `) takes the next line's member into its list as a name, so
        // the keyword that starts a line in the body counts too.
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Span.Start < declaration.OpenBrace.Span.End) continue;
            if (token.Span.Start >= declaration.Span.End) break;
            if (token.IsFirstOnLine && token.IsKeyword(keyword)) names.UnionWith(ListedNames(tokens, i, 0, -1));
        }
        bool goals = keyword.StartsWith("goal", StringComparison.Ordinal);
        var spaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            string? space = goals ? model.FindGoal(name)?.Space : model.FindPersona(name)?.Space;
            if (space is not null) spaces.Add(space);
        }
        return spaces;
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

    /// <summary>The personas bound to one of <paramref name="spaces"/> (any space when it is empty), less <paramref name="listed"/>.</summary>
    private static IEnumerable<CompletionItem> Personas(BoundModel model, HashSet<string> spaces, HashSet<string> listed) =>
        model.Personas.Where(p => (spaces.Count == 0 || spaces.Contains(p.Space)) && !listed.Contains(p.Name))
            .Select(p => new CompletionItem(p.Name, CompletionItemKind.Class, "persona in " + p.Space));

    /// <summary>The goals bound to one of <paramref name="spaces"/> (any space when it is empty), less <paramref name="listed"/>.</summary>
    private static IEnumerable<CompletionItem> Goals(BoundModel model, HashSet<string> spaces, HashSet<string> listed) =>
        model.Goals.Where(g => (spaces.Count == 0 || spaces.Contains(g.Space)) && !listed.Contains(g.Name))
            .Select(g => new CompletionItem(g.Name, CompletionItemKind.Struct, "goal in " + g.Space));
}

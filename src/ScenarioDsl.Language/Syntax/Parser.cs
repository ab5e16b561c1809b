using Sprache;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// Drives the <see cref="Grammar"/> over one file. The token stream is split into declarations
/// at declaration keywords that start a line and look like a header, so a broken declaration
/// never swallows the next one. Inside a body, a member that fails to parse is reported once and
/// skipped up to the next line that starts a member, so the other members keep their meaning.
/// </summary>
internal sealed class Parser
{
    private readonly SourceText _text;
    private readonly TokenTable _table;
    private readonly int _count;
    private readonly TokenInput _file;
    private readonly List<Diagnostic> _diagnostics;

    private Parser(SourceText text, TokenTable tokens, List<Diagnostic> diagnostics)
    {
        _text = text;
        _table = tokens;
        _count = tokens.Count;
        _file = new TokenInput(tokens);
        _diagnostics = diagnostics;
    }

    public static CompilationUnitSyntax ParseCompilationUnit(SourceText text, TokenTable tokens, List<Diagnostic> diagnostics) =>
        new Parser(text, tokens, diagnostics).ParseCompilationUnit();

    /// <summary>The lexed token at an index (the parser's missing tokens are appended after them).</summary>
    private SyntaxToken Tok(int index) => new(_table, index);

    private SyntaxKind KindAt(int index) => _file.KindAt(index);

    private CompilationUnitSyntax ParseCompilationUnit()
    {
        int eof = _count - 1;
        var declarations = new List<DeclarationSyntax>();
        int start = 0;
        while (start < eof)
        {
            // Brace depth inside this declaration: at depth 0 a keyword and a name start the next
            // declaration even when the rest of its header is broken.
            int depth = 0;
            int end = start + 1;
            for (; end < eof; end++)
            {
                var kind = KindAt(end - 1);
                if (kind == SyntaxKind.OpenBrace) depth++;
                else if (kind == SyntaxKind.CloseBrace && depth > 0) depth--;
                if (IsDeclarationStart(end, depth)) break;
            }
            declarations.Add(ParseDeclaration(start, end));
            start = end;
        }
        return new CompilationUnitSyntax(declarations.ToArray(), Tok(eof));
    }

    /// <summary>
    /// A declaration keyword first on its line, followed by a name (outside braces) or by what a
    /// whole header starts with (inside braces, where <c>persona P</c> is a scenario member).
    /// </summary>
    private bool IsDeclarationStart(int index, int depth)
    {
        if (KindAt(index) != SyntaxKind.Identifier) return false;
        var token = Tok(index);
        if (!token.IsFirstOnLine || !SyntaxFacts.IsDeclarationKeyword(token.Text)) return false;
        var next = Tok(index + 1);
        if (token.Text == "cues") return next.Kind == SyntaxKind.OpenBrace;
        if (next.Kind != SyntaxKind.Identifier || index + 2 >= _count) return false;
        if (depth == 0) return true;
        var after = Tok(index + 2);
        return after.Kind is SyntaxKind.OpenBrace or SyntaxKind.String || after.IsKeyword("in");
    }

    private DeclarationSyntax ParseDeclaration(int start, int end)
    {
        var input = _file.Slice(start, end);
        var keyword = Tok(start);
        var kind = keyword.Kind == SyntaxKind.Identifier ? KindOf(keyword.Text) : DeclarationKind.Unknown;
        if (kind == DeclarationKind.Unknown)
        {
            ReportUnexpected(keyword, "a declaration (space, cues, persona, goal, scenario or suite)", SyntaxFacts.DeclarationKeywords);
            return new IncompleteDeclarationSyntax(kind, keyword, null, null, Skip(start + 1, end));
        }

        var headerParser = kind switch
        {
            DeclarationKind.Space => Grammar.SpaceHeader,
            DeclarationKind.Cues => Grammar.CuesHeader,
            DeclarationKind.Persona => Grammar.PersonaHeader,
            DeclarationKind.Goal => Grammar.GoalHeader,
            DeclarationKind.Scenario => Grammar.ScenarioHeader,
            _ => Grammar.SuiteHeader,
        };
        var header = headerParser(input);
        if (!header.WasSuccessful)
        {
            // `persona Worrier {`: the space is what is missing, not only the word 'in'.
            string? inHint = kind is DeclarationKind.Persona or DeclarationKind.Goal && start + 1 < end && KindAt(start + 1) == SyntaxKind.Identifier
                ? $"a {keyword.Text} names its space: '{keyword.Text} {Tok(start + 1).Text} in {(start + 2 < end && KindAt(start + 2) == SyntaxKind.Identifier ? Tok(start + 2).Text : "Space")} {{'"
                : null;
            ReportFailure(header, input, inHint);
            SyntaxToken? name = start + 1 < end && KindAt(start + 1) == SyntaxKind.Identifier && kind != DeclarationKind.Cues ? Tok(start + 1) : null;
            SyntaxToken? space = start + 3 < end && Tok(start + 2).IsKeyword("in") && KindAt(start + 3) == SyntaxKind.Identifier ? Tok(start + 3) : null;
            return new IncompleteDeclarationSyntax(kind, keyword, name, space, Skip(start + 1, end));
        }

        var h = header.Value;
        string owner = kind == DeclarationKind.Cues ? "the cues block" : $"{h.Keyword.Text} '{h.Name!.Value.Text}'";
        var (members, closeBrace, rest) = ParseBody((TokenInput)header.Remainder, kind, $"{owner} (opened on line {_text.GetLinePosition(h.OpenBrace.Span.Start).Line + 1})");
        DeclarationSyntax declaration = kind switch
        {
            DeclarationKind.Space => new SpaceDeclarationSyntax(h.Keyword, h.Name!.Value, h.Description, h.OpenBrace, members, closeBrace),
            DeclarationKind.Cues => new CuesDeclarationSyntax(h.Keyword, h.OpenBrace, members, closeBrace),
            DeclarationKind.Persona => new PersonaDeclarationSyntax(h.Keyword, h.Name!.Value, h.InKeyword!.Value, h.SpaceName!.Value, h.OpenBrace, members, closeBrace),
            DeclarationKind.Goal => new GoalDeclarationSyntax(h.Keyword, h.Name!.Value, h.InKeyword!.Value, h.SpaceName!.Value, h.Description, h.OpenBrace, members, closeBrace),
            DeclarationKind.Scenario => new ScenarioDeclarationSyntax(h.Keyword, h.Name!.Value, h.OpenBrace, members, closeBrace),
            _ => new SuiteDeclarationSyntax(h.Keyword, h.Name!.Value, h.OpenBrace, members, closeBrace),
        };

        if (rest < end)
        {
            var next = Tok(rest);
            // A declaration keyword after a declaration on the same line: only one that starts a line starts a declaration.
            if (next.Kind == SyntaxKind.Identifier && !next.IsFirstOnLine && SyntaxFacts.IsDeclarationKeyword(next.Text))
                Report(DiagnosticCatalogue.SyntaxError, next.Span, null, $"unexpected {Describe(next)}; a declaration must start on a new line");
            else
                ReportUnexpected(next, "a declaration (space, cues, persona, goal, scenario or suite)", SyntaxFacts.DeclarationKeywords);
            declaration.Skipped = Skip(rest, end);
        }
        return declaration;
    }

    private static DeclarationKind KindOf(string keyword) => keyword switch
    {
        "space" => DeclarationKind.Space,
        "cues" => DeclarationKind.Cues,
        "persona" => DeclarationKind.Persona,
        "goal" => DeclarationKind.Goal,
        "scenario" => DeclarationKind.Scenario,
        "suite" => DeclarationKind.Suite,
        _ => DeclarationKind.Unknown,
    };

    // The members of the body being parsed, reused per thread (bodies do not nest); the tree keeps an exact-size copy.
    [ThreadStatic] private static List<MemberSyntax>? t_members;

    /// <summary>Members up to the closing brace, recovering member by member.</summary>
    private (IReadOnlyList<MemberSyntax> Members, SyntaxToken CloseBrace, int Next) ParseBody(TokenInput body, DeclarationKind kind, string owner)
    {
        var members = t_members ??= new List<MemberSyntax>();
        members.Clear();
        try
        {
            return ParseMembers(body, kind, members, owner);
        }
        finally
        {
            members.Clear(); // keep no nodes alive from the scratch
        }
    }

    // owner: the declaration, for the message when its closing brace is missing: "persona 'P' (opened on line 3)".
    private (IReadOnlyList<MemberSyntax> Members, SyntaxToken CloseBrace, int Next) ParseMembers(TokenInput body, DeclarationKind kind, List<MemberSyntax> members, string owner)
    {
        var keywords = Grammar.MemberKeywords(kind);
        int position = body.Position, end = body.End;
        while (true)
        {
            if (position >= end)
            {
                var missing = _table.AddMissing(SyntaxKind.CloseBrace, Tok(position - 1).Span.End);
                // `warmth "x" // the cue }`: the brace is part of the comment.
                bool braceInComment = false;
                foreach (var trivia in Tok(position - 1).TrailingTrivia)
                    braceInComment |= trivia.Kind == SyntaxKind.LineComment && _text.Text.IndexOf('}', trivia.Span.Start, trivia.Span.Length) >= 0;
                ReportExpected(position, "'}' to close " + owner + (braceInComment ? "; the '}' in the // comment after it is part of the comment" : ""));
                return (members.ToArray(), missing, position);
            }

            var token = Tok(position);
            if (KindAt(position) == SyntaxKind.CloseBrace) return (members.ToArray(), token, position + 1);

            int memberStart = position;
            var member = MemberParser(kind, token);
            if (member is null)
            {
                string expected = keywords.Count > 0
                    ? "a member (" + string.Join(", ", keywords) + ") or '}'"
                    : kind == DeclarationKind.Space ? "a dimension or '}'" : "a cue or '}'";
                // A list that ended where its line goes on (`personas A B`, `=> a += 1 b += 1`, `warmth "x" "y"`): a
                // forgotten comma is the likely mistake, so the comma is named first.
                if (!token.IsFirstOnLine && members.Count > 0 && EndsWithList(members[members.Count - 1]))
                    expected = "',', " + expected;
                ReportUnexpected(token, expected, keywords);
            }
            else
            {
                // A well-formed member of a rule with a fast path is read without a Sprache input or result.
                if (member.Target is Grammar.FastPathRule<MemberSyntax> rule && rule.TryRead(body, position, out var node, out int next))
                {
                    members.Add(node);
                    position = next;
                    continue;
                }
                var input = body.At(position);
                var result = member(input);
                if (result.WasSuccessful)
                {
                    members.Add(result.Value);
                    position = result.Remainder.Position;
                    continue;
                }
                ReportFailure(result, input);
            }

            int stop = RecoveryPoint(memberStart, end, kind);
            members.Add(Skip(memberStart, stop));
            position = stop;
        }
    }

    /// <summary>A member whose last part is a comma-separated list that another item could continue.</summary>
    private static bool EndsWithList(MemberSyntax member) => member switch
    {
        ReferenceMemberSyntax reference => reference.Keyword.Text is "personas" or "goals",
        RuleSyntax => true,
        CueSyntax => true,
        _ => false,
    };

    private static Parser<MemberSyntax>? MemberParser(DeclarationKind kind, SyntaxToken token)
    {
        if (token.Kind != SyntaxKind.Identifier) return null;
        var table = kind switch
        {
            DeclarationKind.Persona => Grammar.PersonaMembers,
            DeclarationKind.Goal => Grammar.GoalMembers,
            DeclarationKind.Scenario => Grammar.ScenarioMembers,
            DeclarationKind.Suite => Grammar.SuiteMembers,
            _ => null,
        };
        if (table is null) return kind == DeclarationKind.Space ? Grammar.Dimension : Grammar.Cue;
        return table.TryGetValue(token.Text, out var parser) ? parser : null;
    }

    /// <summary>
    /// Where to resume after a broken member: the next token that starts a line outside any
    /// braces the member opened (or a member keyword starting a line, when a brace was left
    /// open), or the body's closing brace. Always past the member's first token.
    /// </summary>
    private int RecoveryPoint(int from, int end, DeclarationKind kind)
    {
        int depth = 0;
        for (int k = from; k < end; k++)
        {
            var t = Tok(k);
            if (k > from)
            {
                if (t.Kind == SyntaxKind.CloseBrace && depth <= 0) return k;
                if (t.IsFirstOnLine && (depth <= 0 || MemberParser(kind, t) is not null && Grammar.MemberKeywords(kind).Count > 0)) return k;
            }
            if (t.Kind == SyntaxKind.OpenBrace) depth++;
            else if (t.Kind == SyntaxKind.CloseBrace) depth--;
        }
        return end;
    }

    private SkippedSyntax Skip(int from, int to)
    {
        var tokens = new SyntaxToken[Math.Max(0, to - from)];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = Tok(from + i);
        return new SkippedSyntax(tokens);
    }

    // ---- error reporting -------------------------------------------------------------------

    private void ReportFailure<T>(IResult<T> failure, TokenInput input, string? inHint = null)
    {
        int position = Math.Min(failure.Remainder.Position, input.End);
        var token = Tok(position);
        if (failure.Message == Grammar.NonFiniteNumber)
        {
            Report(DiagnosticCatalogue.InvalidNumber, token.Span, null, $"invalid number '{token.Text}': numbers must be finite");
            return;
        }

        var expectations = failure.Expectations.Distinct().ToList();
        string expected = JoinAlternatives(expectations);
        if (inHint is not null && expectations.Count == 1 && expectations[0] == "'in'") expected += "; " + inHint;
        if (position >= input.End || token.Kind == SyntaxKind.EndOfFile || (token.IsFirstOnLine && position > 0))
        {
            ReportExpected(position, expected);
            return;
        }
        var keywords = expectations.Where(e => e.Length > 2 && e[0] == '\'' && char.IsLetter(e[1])).Select(e => e.Trim('\''));
        ReportUnexpected(token, expected, keywords);
    }

    /// <summary>"expected X" just after the previous token: the place where X was expected.</summary>
    private void ReportExpected(int position, string expected)
    {
        if (AfterSkippedText(position)) return;
        int at = position > 0 ? Tok(position - 1).Span.End : 0;
        Report(DiagnosticCatalogue.SyntaxError, new TextSpan(at, 0), null, "expected " + expected);
    }

    /// <summary>
    /// Whether the lexer skipped characters right before the token at <paramref name="position"/>, on the line of that
    /// token or of the one before it (<c>on warmth = calm += 1</c>, <c>when a &lt; 1 &amp;&amp; b &gt; 0</c>, <c>hope + 0.1</c>).
    /// The lexer has reported them, with what to write instead; that the parser then finds something unexpected
    /// is the same mistake, so it is not reported twice. Skipped text on lines of its own does not count.
    /// </summary>
    private bool AfterSkippedText(int position)
    {
        if (position <= 0 || position >= _table.LexedCount) return false;
        foreach (var trivia in Tok(position - 1).TrailingTrivia)
            if (trivia.Kind == SyntaxKind.SkippedText) return true;
        bool sameLine = true;
        var leading = Tok(position).LeadingTrivia;
        for (int i = leading.Count - 1; i >= 0 && sameLine; i--)
        {
            if (leading[i].Kind == SyntaxKind.EndOfLine) sameLine = false;
            else if (leading[i].Kind == SyntaxKind.SkippedText) return true;
        }
        return false;
    }

    private void ReportUnexpected(SyntaxToken token, string expected, IEnumerable<string> keywordCandidates)
    {
        if (token.Index < _table.LexedCount && AfterSkippedText(token.Index)) return;
        // "0,5": a decimal comma splits a number into two; name that, not only the unexpected second half.
        if (token.Kind == SyntaxKind.Number && token.Index >= 2 && Tok(token.Index - 1).Kind == SyntaxKind.Comma
            && Tok(token.Index - 2).Kind == SyntaxKind.Number && Tok(token.Index - 2).Span.End == Tok(token.Index - 1).Span.Start
            && Tok(token.Index - 1).Span.End == token.Span.Start && !token.Text.StartsWith("-", StringComparison.Ordinal) && !token.Text.StartsWith("+", StringComparison.Ordinal))
        {
            string written = Tok(token.Index - 2).Text + "." + token.Text;
            Report(DiagnosticCatalogue.SyntaxError, token.Span, null,
                $"unexpected {Describe(token)}; expected {expected}; a decimal number is written with a point: '{written}'");
            return;
        }
        Suggestion? suggestion = null;
        if (token.Kind == SyntaxKind.Identifier)
        {
            var best = NameSuggester.Suggest(token.Text, keywordCandidates);
            if (best is not null) suggestion = new Suggestion($"did you mean '{best}'?", token.Span, best);
        }
        Report(DiagnosticCatalogue.SyntaxError, token.Span, suggestion, $"unexpected {Describe(token)}; expected {expected}");
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, Suggestion? suggestion, string message) =>
        _diagnostics.Add(DiagnosticCatalogue.Create(descriptor, _text, span, suggestion, message));

    internal static string Describe(SyntaxToken token) => token.Kind switch
    {
        SyntaxKind.EndOfFile => "end of file",
        SyntaxKind.Identifier => $"'{token.Text}'",
        SyntaxKind.Number => $"number '{token.Text}'",
        SyntaxKind.String => "string " + (token.Text.Length > 24 ? token.Text.Substring(0, 21) + "...\"" : token.Text),
        _ => $"'{token.Text}'",
    };

    private static string JoinAlternatives(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "something else",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[items.Count - 1],
    };
}

using Sprache;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// The .emps grammar as Sprache parsers over tokens (<see cref="TokenInput"/>). Rules are static
/// fields built once; hot list rules use the small allocation-lean combinators below instead of
/// LINQ query syntax. Members are chosen by their first token, never by backtracking. The hot rules
/// also have fast paths for their well-formed shape (Grammar.FastPaths.cs).
/// </summary>
internal static partial class Grammar
{
    /// <summary>Failure description for a non-finite number written as a name (NaN, Infinity): reported as EMPS0002.</summary>
    public const string NonFiniteNumber = "non-finite";

    // ---- token primitives -------------------------------------------------------------

    public static Parser<SyntaxToken> Token(SyntaxKind kind) => Token(kind, SyntaxFacts.Describe(kind));

    public static Parser<SyntaxToken> Token(SyntaxKind kind, string expectation)
    {
        var expected = new[] { expectation };
        return input =>
        {
            var t = (TokenInput)input;
            return !t.AtEnd && t.Kind == kind
                ? Result.Success(t.Token, t.Advance())
                : Result.Failure<SyntaxToken>(input, "unexpected", expected);
        };
    }

    public static Parser<SyntaxToken> Keyword(string keyword)
    {
        var expected = new[] { "'" + keyword + "'" };
        return input =>
        {
            var t = (TokenInput)input;
            return !t.AtEnd && t.Kind == SyntaxKind.Identifier && t.Token.Text == keyword
                ? Result.Success(t.Token, t.Advance())
                : Result.Failure<SyntaxToken>(input, "unexpected", expected);
        };
    }

    /// <summary>One of several keywords (for example <c>process</c> or <c>epm</c>).</summary>
    public static Parser<SyntaxToken> OneOfKeywords(params string[] keywords)
    {
        var expected = keywords.Select(k => "'" + k + "'").ToArray();
        return input =>
        {
            var t = (TokenInput)input;
            return !t.AtEnd && t.Token.Kind == SyntaxKind.Identifier && Array.IndexOf(keywords, t.Token.Text) >= 0
                ? Result.Success(t.Token, t.Advance())
                : Result.Failure<SyntaxToken>(input, "unexpected", expected);
        };
    }

    public static Parser<SyntaxToken> OneOf(params SyntaxKind[] kinds)
    {
        var expected = kinds.Select(SyntaxFacts.Describe).ToArray();
        return input =>
        {
            var t = (TokenInput)input;
            return !t.AtEnd && Array.IndexOf(kinds, t.Token.Kind) >= 0
                ? Result.Success(t.Token, t.Advance())
                : Result.Failure<SyntaxToken>(input, "unexpected", expected);
        };
    }

    public static readonly Parser<SyntaxToken> Name = Token(SyntaxKind.Identifier);
    public static readonly Parser<SyntaxToken> StringLiteral = Token(SyntaxKind.String);
    public static readonly Parser<SyntaxToken> OpenBrace = Token(SyntaxKind.OpenBrace);
    public static readonly Parser<SyntaxToken> CloseBrace = Token(SyntaxKind.CloseBrace);
    public static readonly Parser<SyntaxToken> Comma = Token(SyntaxKind.Comma);

    private static readonly string[] NumberExpected = { "a number" };

    /// <summary>A number; <c>NaN</c>, <c>Infinity</c> and friends fail as <see cref="NonFiniteNumber"/>.</summary>
    public static readonly Parser<SyntaxToken> NumberLiteral = input =>
    {
        var t = (TokenInput)input;
        if (!t.AtEnd && t.Kind == SyntaxKind.Number) return Result.Success(t.Token, t.Advance());
        if (!t.AtEnd && t.Token.Kind == SyntaxKind.Identifier && IsNonFiniteName(t.Token.Text))
            return Result.Failure<SyntaxToken>(input, NonFiniteNumber, NumberExpected);
        return Result.Failure<SyntaxToken>(input, "unexpected", NumberExpected);
    };

    private static bool IsNonFiniteName(string text) =>
        text.Equals("NaN", StringComparison.OrdinalIgnoreCase)
        || text.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
        || text.Equals("inf", StringComparison.OrdinalIgnoreCase);

    // ---- lean combinators --------------------------------------------------------------

    /// <summary>
    /// A rule of exactly three tokens, with a fast path: when the three kinds are there, the node is
    /// made directly (one input and one result instead of one per token and one for the sequence);
    /// otherwise <paramref name="general"/> runs, so failures and their messages are the general rule's.
    /// </summary>
    private static Parser<T> ThreeTokens<T>(
        Parser<T> general, SyntaxKind first, Func<SyntaxKind, bool> second, SyntaxKind third,
        Func<SyntaxToken, SyntaxToken, SyntaxToken, T> make) =>
        input =>
        {
            var t = (TokenInput)input;
            int p = t.Position;
            if (!t_generalOnly && p + 3 <= t.End && t.KindAt(p) == first && second(t.KindAt(p + 1)) && t.KindAt(p + 2) == third)
                return Result.Success(make(t.TokenAt(p), t.TokenAt(p + 1), t.TokenAt(p + 2)), t.At(p + 3));
            return general(input);
        };

    private static IResult<T> Fail<T, TFrom>(IResult<TFrom> failure) =>
        Result.Failure<T>(failure.Remainder, failure.Message, failure.Expectations);

    /// <summary>Runs <paramref name="parser"/> only when the next token satisfies <paramref name="startsWith"/>; else yields null. Committed: once started, its failure is the rule's failure.</summary>
    public static Parser<T?> OptionalIf<T>(Func<SyntaxToken, bool> startsWith, Parser<T> parser) where T : class =>
        input =>
        {
            var t = (TokenInput)input;
            if (t.AtEnd || !startsWith(t.Token)) return Result.Success<T?>(null, input);
            var r = parser(input);
            return r.WasSuccessful ? Result.Success<T?>(r.Value, r.Remainder) : Fail<T?, T>(r);
        };

    /// <summary>Like <see cref="OptionalIf{T}"/> for a single token: <c>null</c> when it does not start here.</summary>
    public static Parser<SyntaxToken?> OptionalTokenIf(Func<SyntaxToken, bool> startsWith, Parser<SyntaxToken> parser) =>
        input =>
        {
            var t = (TokenInput)input;
            if (t.AtEnd || !startsWith(t.Token)) return Result.Success<SyntaxToken?>(null, input);
            var r = parser(input);
            return r.WasSuccessful ? Result.Success<SyntaxToken?>(r.Value, r.Remainder) : Fail<SyntaxToken?, SyntaxToken>(r);
        };

    public static Func<SyntaxToken, bool> IsKeyword(string keyword) => t => t.Kind == SyntaxKind.Identifier && t.Text == keyword;

    public static Func<SyntaxToken, bool> IsKind(SyntaxKind kind) => t => t.Kind == kind;

    /// <summary><c>item (separator item)*</c>; with <paramref name="allowTrailing"/>, a separator may end the list.</summary>
    public static Parser<SeparatedSyntaxList<T>> SeparatedBy<T>(Parser<T> item, Func<SyntaxToken, bool> isSeparator, bool allowTrailing = false, Func<SyntaxToken, bool>? terminator = null) =>
        input =>
        {
            var first = item(input);
            if (!first.WasSuccessful) return Fail<SeparatedSyntaxList<T>, T>(first);
            var items = new List<T>(4) { first.Value };
            List<SyntaxToken>? separators = null;
            var rest = (TokenInput)first.Remainder;
            while (!rest.AtEnd && isSeparator(rest.Token))
            {
                (separators ??= new List<SyntaxToken>(4)).Add(rest.Token);
                var afterSeparator = (TokenInput)rest.Advance();
                if (allowTrailing && terminator is not null && !afterSeparator.AtEnd && terminator(afterSeparator.Token))
                {
                    rest = afterSeparator;
                    break;
                }
                var next = item(afterSeparator);
                if (!next.WasSuccessful) return Fail<SeparatedSyntaxList<T>, T>(next);
                items.Add(next.Value);
                rest = (TokenInput)next.Remainder;
            }
            return Result.Success(
                // Exact-size arrays: the tree keeps these, a List would add an object and spare capacity.
                new SeparatedSyntaxList<T>(items.ToArray(), separators is null ? Array.Empty<SyntaxToken>() : separators.ToArray()), rest);
        };

    public static Parser<TResult> Sequence<T1, T2, TResult>(Parser<T1> p1, Parser<T2> p2, Func<T1, T2, TResult> map) =>
        input =>
        {
            var r1 = p1(input); if (!r1.WasSuccessful) return Fail<TResult, T1>(r1);
            var r2 = p2(r1.Remainder); if (!r2.WasSuccessful) return Fail<TResult, T2>(r2);
            return Result.Success(map(r1.Value, r2.Value), r2.Remainder);
        };

    public static Parser<TResult> Sequence<T1, T2, T3, TResult>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Func<T1, T2, T3, TResult> map) =>
        input =>
        {
            var r1 = p1(input); if (!r1.WasSuccessful) return Fail<TResult, T1>(r1);
            var r2 = p2(r1.Remainder); if (!r2.WasSuccessful) return Fail<TResult, T2>(r2);
            var r3 = p3(r2.Remainder); if (!r3.WasSuccessful) return Fail<TResult, T3>(r3);
            return Result.Success(map(r1.Value, r2.Value, r3.Value), r3.Remainder);
        };

    public static Parser<TResult> Sequence<T1, T2, T3, T4, TResult>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Func<T1, T2, T3, T4, TResult> map) =>
        input =>
        {
            var r1 = p1(input); if (!r1.WasSuccessful) return Fail<TResult, T1>(r1);
            var r2 = p2(r1.Remainder); if (!r2.WasSuccessful) return Fail<TResult, T2>(r2);
            var r3 = p3(r2.Remainder); if (!r3.WasSuccessful) return Fail<TResult, T3>(r3);
            var r4 = p4(r3.Remainder); if (!r4.WasSuccessful) return Fail<TResult, T4>(r4);
            return Result.Success(map(r1.Value, r2.Value, r3.Value, r4.Value), r4.Remainder);
        };

    public static Parser<TResult> Sequence<T1, T2, T3, T4, T5, TResult>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Parser<T5> p5, Func<T1, T2, T3, T4, T5, TResult> map) =>
        input =>
        {
            var r1 = p1(input); if (!r1.WasSuccessful) return Fail<TResult, T1>(r1);
            var r2 = p2(r1.Remainder); if (!r2.WasSuccessful) return Fail<TResult, T2>(r2);
            var r3 = p3(r2.Remainder); if (!r3.WasSuccessful) return Fail<TResult, T3>(r3);
            var r4 = p4(r3.Remainder); if (!r4.WasSuccessful) return Fail<TResult, T4>(r4);
            var r5 = p5(r4.Remainder); if (!r5.WasSuccessful) return Fail<TResult, T5>(r5);
            return Result.Success(map(r1.Value, r2.Value, r3.Value, r4.Value, r5.Value), r5.Remainder);
        };

    public static Parser<TResult> Sequence<T1, T2, T3, T4, T5, T6, TResult>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Parser<T5> p5, Parser<T6> p6, Func<T1, T2, T3, T4, T5, T6, TResult> map) =>
        input =>
        {
            var r1 = p1(input); if (!r1.WasSuccessful) return Fail<TResult, T1>(r1);
            var r2 = p2(r1.Remainder); if (!r2.WasSuccessful) return Fail<TResult, T2>(r2);
            var r3 = p3(r2.Remainder); if (!r3.WasSuccessful) return Fail<TResult, T3>(r3);
            var r4 = p4(r3.Remainder); if (!r4.WasSuccessful) return Fail<TResult, T4>(r4);
            var r5 = p5(r4.Remainder); if (!r5.WasSuccessful) return Fail<TResult, T5>(r5);
            var r6 = p6(r5.Remainder); if (!r6.WasSuccessful) return Fail<TResult, T6>(r6);
            return Result.Success(map(r1.Value, r2.Value, r3.Value, r4.Value, r5.Value, r6.Value), r6.Remainder);
        };

    // ---- declaration headers (up to and including the opening brace) ---------------------

    public sealed record Header(SyntaxToken Keyword, SyntaxToken? Name, SyntaxToken? InKeyword, SyntaxToken? SpaceName, SyntaxToken? Description, SyntaxToken OpenBrace);

    private static readonly Parser<SyntaxToken?> OptionalDescription = OptionalTokenIf(IsKind(SyntaxKind.String), StringLiteral);

    public static readonly Parser<Header> SpaceHeader = WithFastPath(
        Sequence(Keyword("space"), Name, OptionalDescription, OpenBrace, (k, n, d, o) => new Header(k, n, null, null, d, o)),
        HeaderShape("space", named: true, inSpace: false, described: true));

    public static readonly Parser<Header> CuesHeader = WithFastPath(
        Sequence(Keyword("cues"), OpenBrace, (k, o) => new Header(k, null, null, null, null, o)),
        HeaderShape("cues", named: false, inSpace: false, described: false));

    public static readonly Parser<Header> PersonaHeader = WithFastPath(
        Sequence(Keyword("persona"), Name, Keyword("in"), Name, OpenBrace, (k, n, i, s, o) => new Header(k, n, i, s, null, o)),
        HeaderShape("persona", named: true, inSpace: true, described: false));

    public static readonly Parser<Header> GoalHeader = WithFastPath(
        Sequence(Keyword("goal"), Name, Keyword("in"), Name, OptionalDescription, OpenBrace, (k, n, i, s, d, o) => new Header(k, n, i, s, d, o)),
        HeaderShape("goal", named: true, inSpace: true, described: true));

    public static readonly Parser<Header> ScenarioHeader = WithFastPath(
        Sequence(Keyword("scenario"), Name, OpenBrace, (k, n, o) => new Header(k, n, null, null, null, o)),
        HeaderShape("scenario", named: true, inSpace: false, described: false));

    public static readonly Parser<Header> SuiteHeader = WithFastPath(
        Sequence(Keyword("suite"), Name, OpenBrace, (k, n, o) => new Header(k, n, null, null, null, o)),
        HeaderShape("suite", named: true, inSpace: false, described: false));

    // ---- members -----------------------------------------------------------------------

    public static readonly Parser<MemberSyntax> Dimension = WithFastPath(
        Sequence(
            Name, Token(SyntaxKind.OpenBracket), NumberLiteral, Comma, NumberLiteral,
            Sequence(Token(SyntaxKind.CloseBracket), OptionalDescription, (c, d) => (c, d)),
            (n, o, lo, comma, hi, tail) => (MemberSyntax)new DimensionSyntax(n, o, lo, comma, hi, tail.c, tail.d)),
        DimensionShape);

    public static readonly Parser<MemberSyntax> Cue = WithFastPath(
        Sequence(Name, SeparatedBy(StringLiteral, IsKind(SyntaxKind.Comma)), (n, phrases) => (MemberSyntax)new CueSyntax(n, phrases)),
        CueShape);

    private static readonly Parser<EntrySyntax> Entry = ThreeTokens(
        Sequence(Name, Token(SyntaxKind.Colon), NumberLiteral, (n, c, v) => new EntrySyntax(n, c, v)),
        SyntaxKind.Identifier, k => k == SyntaxKind.Colon, SyntaxKind.Number, (n, c, v) => new EntrySyntax(n, c, v));

    private static readonly string[] CommaOrCloseBrace = { SyntaxFacts.Describe(SyntaxKind.Comma), SyntaxFacts.Describe(SyntaxKind.CloseBrace) };

    private static readonly Parser<SeparatedSyntaxList<EntrySyntax>> Entries = input =>
    {
        var t = (TokenInput)input;
        if (!t.AtEnd && t.Kind == SyntaxKind.CloseBrace) return Result.Success(SeparatedSyntaxList<EntrySyntax>.Empty, input);
        var entries = SeparatedBy(Entry, IsKind(SyntaxKind.Comma), allowTrailing: true, terminator: IsKind(SyntaxKind.CloseBrace))(input);
        // After an entry only ',' or '}' may follow: a forgotten comma (`{ calm: 0.2 trust: 0 }`) says so, where the
        // closing brace alone would read "expected '}'".
        if (entries.WasSuccessful && entries.Remainder is TokenInput rest && (rest.AtEnd || rest.Kind != SyntaxKind.CloseBrace))
            return Result.Failure<SeparatedSyntaxList<EntrySyntax>>(rest, "unexpected", CommaOrCloseBrace);
        return entries;
    };

    public static Parser<MemberSyntax> EntriesMember(string keyword) => WithFastPath(
        Sequence(Keyword(keyword), OpenBrace, Entries, CloseBrace, (k, o, e, c) => (MemberSyntax)new EntriesMemberSyntax(k, o, e, c)),
        EntriesMemberShape(keyword));

    /// <summary>A keyword and one value token of <paramref name="valueKind"/>.</summary>
    public static Parser<MemberSyntax> ValueMember(string keyword, Parser<SyntaxToken> value, SyntaxKind valueKind) => WithFastPath(
        Sequence(Keyword(keyword), value, (k, v) => (MemberSyntax)new ValueMemberSyntax(k, v)),
        ValueMemberShape(keyword, valueKind));

    private static readonly Parser<SyntaxToken> ComparisonOperator =
        OneOf(SyntaxKind.Less, SyntaxKind.LessEqual, SyntaxKind.Greater, SyntaxKind.GreaterEqual);

    private static readonly Parser<ConditionSyntax> Condition = ThreeTokens(
        Sequence(Name, ComparisonOperator, NumberLiteral, (d, op, v) => new ConditionSyntax(d, op, v)),
        SyntaxKind.Identifier, k => k is SyntaxKind.Less or SyntaxKind.LessEqual or SyntaxKind.Greater or SyntaxKind.GreaterEqual, SyntaxKind.Number,
        (d, op, v) => new ConditionSyntax(d, op, v));

    private static readonly Parser<WhenClauseSyntax> WhenClause =
        Sequence(Keyword("when"), SeparatedBy(Condition, IsKeyword("and")), (w, c) => new WhenClauseSyntax(w, c));

    private static readonly Parser<WhenClauseSyntax?> OptionalWhen = OptionalIf(IsKeyword("when"), WhenClause);

    /// <summary>
    /// <paramref name="parser"/>, the token after an optional <c>when</c> clause: when it fails right after a condition
    /// (the token before is the condition's number), another condition joined with <c>and</c> was also possible, so
    /// the message says so (<c>when a &lt; 1, b &gt; 0</c>: "expected 'and' or '=&gt;'").
    /// </summary>
    private static Parser<SyntaxToken> AfterCondition(Parser<SyntaxToken> parser) => input =>
    {
        var result = parser(input);
        var t = (TokenInput)input;
        if (result.WasSuccessful || t.Position == 0 || t.KindAt(t.Position - 1) != SyntaxKind.Number) return result;
        return Result.Failure<SyntaxToken>(result.Remainder, result.Message, new[] { "'and'" }.Concat(result.Expectations));
    };

    private static readonly Parser<EffectSyntax> Effect = ThreeTokens(
        Sequence(Name, OneOf(SyntaxKind.PlusEquals, SyntaxKind.MinusEquals), NumberLiteral, (d, op, v) => new EffectSyntax(d, op, v)),
        SyntaxKind.Identifier, k => k is SyntaxKind.PlusEquals or SyntaxKind.MinusEquals, SyntaxKind.Number,
        (d, op, v) => new EffectSyntax(d, op, v));

    public static readonly Parser<MemberSyntax> Rule = WithFastPath(
        Sequence(
            Keyword("on"), Name, OptionalWhen, AfterCondition(Token(SyntaxKind.Arrow)), SeparatedBy(Effect, IsKind(SyntaxKind.Comma)),
            (on, cue, when, arrow, effects) => (MemberSyntax)new RuleSyntax(on, cue, when, arrow, effects)),
        RuleShape);

    public static readonly Parser<MemberSyntax> Says = WithFastPath(
        Sequence(Keyword("says"), OptionalWhen, AfterCondition(StringLiteral), (s, w, text) => (MemberSyntax)new SaysSyntax(s, w, text)),
        SaysShape);

    private static readonly Parser<IReadOnlyList<SyntaxToken>> PerTurn =
        Sequence(Keyword("per"), Token(SyntaxKind.Minus, "'-'"), Keyword("turn"), (p, m, t) => (IReadOnlyList<SyntaxToken>)new[] { p, m, t });

    private static readonly Parser<IReadOnlyList<SyntaxToken>> DirectionValue = input =>
    {
        var t = (TokenInput)input;
        if (!t.AtEnd && t.Token.IsKeyword("fixed")) return Result.Success<IReadOnlyList<SyntaxToken>>(new[] { t.Token }, t.Advance());
        if (!t.AtEnd && t.Token.IsKeyword("per")) return PerTurn(input);
        return Result.Failure<IReadOnlyList<SyntaxToken>>(input, "unexpected", new[] { "'fixed'", "'per-turn'" });
    };

    private sealed record DirectionClause(SyntaxToken Keyword, IReadOnlyList<SyntaxToken> Value);

    private static readonly Parser<DirectionClause> Direction =
        Sequence(Keyword("direction"), DirectionValue, (k, v) => new DirectionClause(k, v));

    public static readonly Parser<MemberSyntax> Scoring = input =>
    {
        var head = Sequence(Keyword("scoring"), OneOfKeywords("process", "epm"), (k, p) => (k, p))(input);
        if (!head.WasSuccessful) return Fail<MemberSyntax, (SyntaxToken, SyntaxToken)>(head);
        var (keyword, profile) = head.Value;
        if (profile.Text != "epm")
            return Result.Success<MemberSyntax>(new ScoringSyntax(keyword, profile, null, Array.Empty<SyntaxToken>()), head.Remainder);
        var direction = OptionalIf(IsKeyword("direction"), Direction)(head.Remainder);
        if (!direction.WasSuccessful) return Fail<MemberSyntax, DirectionClause?>(direction);
        return Result.Success<MemberSyntax>(
            new ScoringSyntax(keyword, profile, direction.Value?.Keyword, direction.Value?.Value ?? Array.Empty<SyntaxToken>()),
            direction.Remainder);
    };

    public static Parser<MemberSyntax> SingleReference(string keyword) => WithFastPath(
        Sequence(Keyword(keyword), Name, (k, n) => (MemberSyntax)new ReferenceMemberSyntax(k, new SeparatedSyntaxList<SyntaxToken>(new[] { n }, Array.Empty<SyntaxToken>()))),
        SingleReferenceShape(keyword));

    public static Parser<MemberSyntax> ReferenceList(string keyword) => WithFastPath(
        Sequence(Keyword(keyword), SeparatedBy(Name, IsKind(SyntaxKind.Comma)), (k, names) => (MemberSyntax)new ReferenceMemberSyntax(k, names)),
        ReferenceListShape(keyword));

    private sealed record SeedRange(SyntaxToken DotDot, SyntaxToken To);

    private static readonly string[] DotDotExpected = { SyntaxFacts.Describe(SyntaxKind.DotDot) };

    private static readonly Parser<MemberSyntax> SeedsMember =
        Sequence(
            Keyword("seeds"), NumberLiteral,
            OptionalIf(IsKind(SyntaxKind.DotDot), Sequence(Token(SyntaxKind.DotDot), NumberLiteral, (d, to) => new SeedRange(d, to))),
            (k, from, range) => (MemberSyntax)new SeedsSyntax(k, from, range?.DotDot, range?.To));

    /// <summary>
    /// <c>seeds N</c> or <c>seeds N..M</c>. No member starts with a number, so a number right after <c>seeds N</c> on its
    /// line is a range written another way (<c>1-3</c> lexes as 1 and -3): "expected '..'" says how to write it.
    /// </summary>
    public static readonly Parser<MemberSyntax> Seeds = input =>
    {
        var seeds = SeedsMember(input);
        if (seeds.WasSuccessful && seeds.Value is SeedsSyntax { DotDot: null } && seeds.Remainder is TokenInput rest
            && !rest.AtEnd && rest.Kind == SyntaxKind.Number && !rest.Token.IsFirstOnLine)
            return Result.Failure<MemberSyntax>(rest, "unexpected", DotDotExpected);
        return seeds;
    };

    // ---- member tables: the members each block accepts, by leading keyword ----------------

    public static readonly IReadOnlyDictionary<string, Parser<MemberSyntax>> PersonaMembers = new Dictionary<string, Parser<MemberSyntax>>
    {
        ["about"] = ValueMember("about", StringLiteral, SyntaxKind.String),
        ["traits"] = EntriesMember("traits"),
        ["start"] = EntriesMember("start"),
        ["opens"] = ValueMember("opens", StringLiteral, SyntaxKind.String),
        ["on"] = Rule,
        ["drift"] = ValueMember("drift", NumberLiteral, SyntaxKind.Number),
        ["noise"] = ValueMember("noise", NumberLiteral, SyntaxKind.Number),
        ["says"] = Says,
    };

    public static readonly IReadOnlyDictionary<string, Parser<MemberSyntax>> GoalMembers = new Dictionary<string, Parser<MemberSyntax>>
    {
        ["target"] = EntriesMember("target"),
        ["shift"] = EntriesMember("shift"),
        ["within"] = ValueMember("within", NumberLiteral, SyntaxKind.Number),
        ["turns"] = ValueMember("turns", NumberLiteral, SyntaxKind.Number),
        ["weights"] = EntriesMember("weights"),
        ["scoring"] = Scoring,
    };

    public static readonly IReadOnlyDictionary<string, Parser<MemberSyntax>> ScenarioMembers = new Dictionary<string, Parser<MemberSyntax>>
    {
        ["persona"] = SingleReference("persona"),
        ["goal"] = SingleReference("goal"),
        ["seed"] = ValueMember("seed", NumberLiteral, SyntaxKind.Number),
    };

    public static readonly IReadOnlyDictionary<string, Parser<MemberSyntax>> SuiteMembers = new Dictionary<string, Parser<MemberSyntax>>
    {
        ["personas"] = ReferenceList("personas"),
        ["goals"] = ReferenceList("goals"),
        ["seeds"] = Seeds,
    };

    /// <summary>Member keywords in the order the language guide lists them (for messages and completion).</summary>
    public static IReadOnlyList<string> MemberKeywords(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Persona => new[] { "about", "traits", "start", "opens", "on", "drift", "noise", "says" },
        DeclarationKind.Goal => new[] { "target", "shift", "within", "turns", "weights", "scoring" },
        DeclarationKind.Scenario => new[] { "persona", "goal", "seed" },
        DeclarationKind.Suite => new[] { "personas", "goals", "seeds" },
        _ => Array.Empty<string>(),
    };
}

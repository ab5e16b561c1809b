namespace ScenarioDsl.Language.Syntax;

/// <summary>A member of a declaration's body.</summary>
public abstract class MemberSyntax : SyntaxNode
{
    /// <summary>The keyword (or, for dimensions and cues, the name) the member starts with.</summary>
    public abstract SyntaxToken Head { get; }
}

/// <summary><c>autonomy [-1, 1] "description"</c> in a space.</summary>
public sealed class DimensionSyntax : MemberSyntax
{
    private readonly int _name;
    private readonly int _openBracket;
    private readonly int _low;
    private readonly int _comma;
    private readonly int _high;
    private readonly int _closeBracket;
    private readonly int _description;

    public DimensionSyntax(SyntaxToken name, SyntaxToken openBracket, SyntaxToken low, SyntaxToken comma, SyntaxToken high, SyntaxToken closeBracket, SyntaxToken? description)
    {
        _name = Index(name); _openBracket = Index(openBracket); _low = Index(low); _comma = Index(comma); _high = Index(high); _closeBracket = Index(closeBracket); _description = Index(description);
    }

    public SyntaxToken Name => Token(_name);
    public SyntaxToken OpenBracket => Token(_openBracket);
    public SyntaxToken Low => Token(_low);
    public SyntaxToken Comma => Token(_comma);
    public SyntaxToken High => Token(_high);
    public SyntaxToken CloseBracket => Token(_closeBracket);
    public SyntaxToken? Description => TokenOrNull(_description);
    public override SyntaxToken Head => Name;

    private protected override void WriteChildren(ChildList children)
    {
        children.Add(Name); children.Add(OpenBracket); children.Add(Low); children.Add(Comma);
        children.Add(High); children.Add(CloseBracket); children.Add(Description);
    }
}

/// <summary><c>validation "that makes sense", "understandable"</c> in a cues block.</summary>
public sealed class CueSyntax : MemberSyntax
{
    private readonly int _name;

    public CueSyntax(SyntaxToken name, SeparatedSyntaxList<SyntaxToken> phrases)
    {
        _name = Index(name);
        Phrases = phrases;
    }

    public SyntaxToken Name => Token(_name);
    public SeparatedSyntaxList<SyntaxToken> Phrases { get; }
    public override SyntaxToken Head => Name;

    private protected override void WriteChildren(ChildList children) { children.Add(Name); children.Add(Phrases); }
}

/// <summary>A keyword and one value: <c>about</c>, <c>opens</c>, <c>drift</c>, <c>noise</c>, <c>within</c>, <c>turns</c>, <c>seed</c>.</summary>
public sealed class ValueMemberSyntax : MemberSyntax
{
    private readonly int _keyword;
    private readonly int _value;

    public ValueMemberSyntax(SyntaxToken keyword, SyntaxToken value)
    {
        _keyword = Index(keyword);
        _value = Index(value);
    }

    public SyntaxToken Keyword => Token(_keyword);
    public SyntaxToken Value => Token(_value);
    public override SyntaxToken Head => Keyword;

    private protected override void WriteChildren(ChildList children) { children.Add(Keyword); children.Add(Value); }
}

/// <summary><c>name: value</c> inside a braced member.</summary>
public sealed class EntrySyntax : SyntaxNode
{
    private readonly int _name;
    private readonly int _colon;
    private readonly int _value;

    public EntrySyntax(SyntaxToken name, SyntaxToken colon, SyntaxToken value)
    {
        _name = Index(name); _colon = Index(colon); _value = Index(value);
    }

    public SyntaxToken Name => Token(_name);
    public SyntaxToken Colon => Token(_colon);
    public SyntaxToken Value => Token(_value);

    private protected override void WriteChildren(ChildList children) { children.Add(Name); children.Add(Colon); children.Add(Value); }
}

/// <summary>A keyword and a braced list of entries: <c>traits</c>, <c>start</c>, <c>target</c>, <c>shift</c>, <c>weights</c>.</summary>
public sealed class EntriesMemberSyntax : MemberSyntax
{
    private readonly int _keyword;
    private readonly int _openBrace;
    private readonly int _closeBrace;

    public EntriesMemberSyntax(SyntaxToken keyword, SyntaxToken openBrace, SeparatedSyntaxList<EntrySyntax> entries, SyntaxToken closeBrace)
    {
        _keyword = Index(keyword); _openBrace = Index(openBrace); Entries = entries; _closeBrace = Index(closeBrace);
    }

    public SyntaxToken Keyword => Token(_keyword);
    public SyntaxToken OpenBrace => Token(_openBrace);
    public SeparatedSyntaxList<EntrySyntax> Entries { get; }
    public SyntaxToken CloseBrace => Token(_closeBrace);
    public override SyntaxToken Head => Keyword;

    private protected override void WriteChildren(ChildList children) { children.Add(Keyword); children.Add(OpenBrace); children.Add(Entries); children.Add(CloseBrace); }
}

/// <summary><c>distress &gt; 0.6</c>.</summary>
public sealed class ConditionSyntax : SyntaxNode
{
    private readonly int _dimension;
    private readonly int _operator;
    private readonly int _value;

    public ConditionSyntax(SyntaxToken dimension, SyntaxToken @operator, SyntaxToken value)
    {
        _dimension = Index(dimension); _operator = Index(@operator); _value = Index(value);
    }

    public SyntaxToken Dimension => Token(_dimension);
    public SyntaxToken Operator => Token(_operator);
    public SyntaxToken Value => Token(_value);

    private protected override void WriteChildren(ChildList children) { children.Add(Dimension); children.Add(Operator); children.Add(Value); }
}

/// <summary><c>when a &gt; 1 and b &lt;= 2</c>: conditions separated by the keyword <c>and</c>.</summary>
public sealed class WhenClauseSyntax : SyntaxNode
{
    private readonly int _whenKeyword;

    public WhenClauseSyntax(SyntaxToken whenKeyword, SeparatedSyntaxList<ConditionSyntax> conditions)
    {
        _whenKeyword = Index(whenKeyword);
        Conditions = conditions;
    }

    public SyntaxToken WhenKeyword => Token(_whenKeyword);
    public SeparatedSyntaxList<ConditionSyntax> Conditions { get; }

    private protected override void WriteChildren(ChildList children) { children.Add(WhenKeyword); children.Add(Conditions); }
}

/// <summary><c>relatedness += 0.12</c>.</summary>
public sealed class EffectSyntax : SyntaxNode
{
    private readonly int _dimension;
    private readonly int _operator;
    private readonly int _value;

    public EffectSyntax(SyntaxToken dimension, SyntaxToken @operator, SyntaxToken value)
    {
        _dimension = Index(dimension); _operator = Index(@operator); _value = Index(value);
    }

    public SyntaxToken Dimension => Token(_dimension);
    public SyntaxToken Operator => Token(_operator);
    public SyntaxToken Value => Token(_value);

    private protected override void WriteChildren(ChildList children) { children.Add(Dimension); children.Add(Operator); children.Add(Value); }
}

/// <summary><c>on cue [when ...] =&gt; effect, effect</c>.</summary>
public sealed class RuleSyntax : MemberSyntax
{
    private readonly int _onKeyword;
    private readonly int _cue;
    private readonly int _arrow;

    public RuleSyntax(SyntaxToken onKeyword, SyntaxToken cue, WhenClauseSyntax? when, SyntaxToken arrow, SeparatedSyntaxList<EffectSyntax> effects)
    {
        _onKeyword = Index(onKeyword); _cue = Index(cue); When = when; _arrow = Index(arrow); Effects = effects;
    }

    public SyntaxToken OnKeyword => Token(_onKeyword);
    public SyntaxToken Cue => Token(_cue);
    public WhenClauseSyntax? When { get; }
    public SyntaxToken Arrow => Token(_arrow);
    public SeparatedSyntaxList<EffectSyntax> Effects { get; }
    public override SyntaxToken Head => OnKeyword;

    private protected override void WriteChildren(ChildList children) { children.Add(OnKeyword); children.Add(Cue); children.Add(When); children.Add(Arrow); children.Add(Effects); }
}

/// <summary><c>says [when ...] "text"</c>.</summary>
public sealed class SaysSyntax : MemberSyntax
{
    private readonly int _saysKeyword;
    private readonly int _text;

    public SaysSyntax(SyntaxToken saysKeyword, WhenClauseSyntax? when, SyntaxToken text)
    {
        _saysKeyword = Index(saysKeyword); When = when; _text = Index(text);
    }

    public SyntaxToken SaysKeyword => Token(_saysKeyword);
    public WhenClauseSyntax? When { get; }
    public SyntaxToken Text => Token(_text);
    public override SyntaxToken Head => SaysKeyword;

    private protected override void WriteChildren(ChildList children) { children.Add(SaysKeyword); children.Add(When); children.Add(Text); }
}

/// <summary><c>scoring process</c> or <c>scoring epm [direction fixed|per-turn]</c>.</summary>
public sealed class ScoringSyntax : MemberSyntax
{
    private readonly int _keyword;
    private readonly int _profile;
    private readonly int _directionKeyword;

    public ScoringSyntax(SyntaxToken keyword, SyntaxToken profile, SyntaxToken? directionKeyword, IReadOnlyList<SyntaxToken> direction)
    {
        _keyword = Index(keyword); _profile = Index(profile); _directionKeyword = Index(directionKeyword); Direction = direction;
    }

    public SyntaxToken Keyword => Token(_keyword);
    public SyntaxToken Profile => Token(_profile);
    public SyntaxToken? DirectionKeyword => TokenOrNull(_directionKeyword);

    /// <summary><c>fixed</c>, or the three tokens of <c>per-turn</c>; empty when no direction is given.</summary>
    public IReadOnlyList<SyntaxToken> Direction { get; }

    /// <summary>The direction as written: "fixed", "per-turn" or null.</summary>
    public string? DirectionText => Direction.Count == 0 ? null : string.Concat(Direction.Select(t => t.Text));

    public override SyntaxToken Head => Keyword;

    private protected override void WriteChildren(ChildList children) { children.Add(Keyword); children.Add(Profile); children.Add(DirectionKeyword); children.Add(Direction); }
}

/// <summary>A keyword and names: <c>persona P</c>, <c>goal G</c>, <c>personas A, B</c>, <c>goals X, Y</c>.</summary>
public sealed class ReferenceMemberSyntax : MemberSyntax
{
    private readonly int _keyword;

    public ReferenceMemberSyntax(SyntaxToken keyword, SeparatedSyntaxList<SyntaxToken> names)
    {
        _keyword = Index(keyword);
        Names = names;
    }

    public SyntaxToken Keyword => Token(_keyword);
    public SeparatedSyntaxList<SyntaxToken> Names { get; }
    public override SyntaxToken Head => Keyword;

    private protected override void WriteChildren(ChildList children) { children.Add(Keyword); children.Add(Names); }
}

/// <summary><c>seeds 1..5</c> or <c>seeds 3</c>.</summary>
public sealed class SeedsSyntax : MemberSyntax
{
    private readonly int _keyword;
    private readonly int _from;
    private readonly int _dotDot;
    private readonly int _to;

    public SeedsSyntax(SyntaxToken keyword, SyntaxToken from, SyntaxToken? dotDot, SyntaxToken? to)
    {
        _keyword = Index(keyword); _from = Index(from); _dotDot = Index(dotDot); _to = Index(to);
    }

    public SyntaxToken Keyword => Token(_keyword);
    public SyntaxToken From => Token(_from);
    public SyntaxToken? DotDot => TokenOrNull(_dotDot);
    public SyntaxToken? To => TokenOrNull(_to);
    public override SyntaxToken Head => Keyword;

    private protected override void WriteChildren(ChildList children) { children.Add(Keyword); children.Add(From); children.Add(DotDot); children.Add(To); }
}

/// <summary>Tokens the parser skipped while recovering from a syntax error (already reported).</summary>
public sealed class SkippedSyntax : MemberSyntax
{
    public SkippedSyntax(IReadOnlyList<SyntaxToken> tokens) => Tokens = tokens;

    public IReadOnlyList<SyntaxToken> Tokens { get; }

    public override SyntaxToken Head => Tokens[0];

    private protected override void WriteChildren(ChildList children) { children.Add(Tokens); }
}

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
    public DimensionSyntax(SyntaxToken name, SyntaxToken openBracket, SyntaxToken low, SyntaxToken comma, SyntaxToken high, SyntaxToken closeBracket, SyntaxToken? description)
    {
        Name = name; OpenBracket = openBracket; Low = low; Comma = comma; High = high; CloseBracket = closeBracket; Description = description;
    }

    public SyntaxToken Name { get; }
    public SyntaxToken OpenBracket { get; }
    public SyntaxToken Low { get; }
    public SyntaxToken Comma { get; }
    public SyntaxToken High { get; }
    public SyntaxToken CloseBracket { get; }
    public SyntaxToken? Description { get; }
    public override SyntaxToken Head => Name;

    protected override IEnumerable<object?> Slots()
    {
        yield return Name; yield return OpenBracket; yield return Low; yield return Comma;
        yield return High; yield return CloseBracket; yield return Description;
    }
}

/// <summary><c>validation "that makes sense", "understandable"</c> in a cues block.</summary>
public sealed class CueSyntax : MemberSyntax
{
    public CueSyntax(SyntaxToken name, SeparatedSyntaxList<SyntaxToken> phrases)
    {
        Name = name;
        Phrases = phrases;
    }

    public SyntaxToken Name { get; }
    public SeparatedSyntaxList<SyntaxToken> Phrases { get; }
    public override SyntaxToken Head => Name;

    protected override IEnumerable<object?> Slots() { yield return Name; yield return Phrases; }
}

/// <summary>A keyword and one value: <c>about</c>, <c>opens</c>, <c>drift</c>, <c>noise</c>, <c>within</c>, <c>turns</c>, <c>seed</c>.</summary>
public sealed class ValueMemberSyntax : MemberSyntax
{
    public ValueMemberSyntax(SyntaxToken keyword, SyntaxToken value)
    {
        Keyword = keyword;
        Value = value;
    }

    public SyntaxToken Keyword { get; }
    public SyntaxToken Value { get; }
    public override SyntaxToken Head => Keyword;

    protected override IEnumerable<object?> Slots() { yield return Keyword; yield return Value; }
}

/// <summary><c>name: value</c> inside a braced member.</summary>
public sealed class EntrySyntax : SyntaxNode
{
    public EntrySyntax(SyntaxToken name, SyntaxToken colon, SyntaxToken value)
    {
        Name = name; Colon = colon; Value = value;
    }

    public SyntaxToken Name { get; }
    public SyntaxToken Colon { get; }
    public SyntaxToken Value { get; }

    protected override IEnumerable<object?> Slots() { yield return Name; yield return Colon; yield return Value; }
}

/// <summary>A keyword and a braced list of entries: <c>traits</c>, <c>start</c>, <c>target</c>, <c>shift</c>, <c>weights</c>.</summary>
public sealed class EntriesMemberSyntax : MemberSyntax
{
    public EntriesMemberSyntax(SyntaxToken keyword, SyntaxToken openBrace, SeparatedSyntaxList<EntrySyntax> entries, SyntaxToken closeBrace)
    {
        Keyword = keyword; OpenBrace = openBrace; Entries = entries; CloseBrace = closeBrace;
    }

    public SyntaxToken Keyword { get; }
    public SyntaxToken OpenBrace { get; }
    public SeparatedSyntaxList<EntrySyntax> Entries { get; }
    public SyntaxToken CloseBrace { get; }
    public override SyntaxToken Head => Keyword;

    protected override IEnumerable<object?> Slots() { yield return Keyword; yield return OpenBrace; yield return Entries; yield return CloseBrace; }
}

/// <summary><c>distress &gt; 0.6</c>.</summary>
public sealed class ConditionSyntax : SyntaxNode
{
    public ConditionSyntax(SyntaxToken dimension, SyntaxToken @operator, SyntaxToken value)
    {
        Dimension = dimension; Operator = @operator; Value = value;
    }

    public SyntaxToken Dimension { get; }
    public SyntaxToken Operator { get; }
    public SyntaxToken Value { get; }

    protected override IEnumerable<object?> Slots() { yield return Dimension; yield return Operator; yield return Value; }
}

/// <summary><c>when a &gt; 1 and b &lt;= 2</c>: conditions separated by the keyword <c>and</c>.</summary>
public sealed class WhenClauseSyntax : SyntaxNode
{
    public WhenClauseSyntax(SyntaxToken whenKeyword, SeparatedSyntaxList<ConditionSyntax> conditions)
    {
        WhenKeyword = whenKeyword;
        Conditions = conditions;
    }

    public SyntaxToken WhenKeyword { get; }
    public SeparatedSyntaxList<ConditionSyntax> Conditions { get; }

    protected override IEnumerable<object?> Slots() { yield return WhenKeyword; yield return Conditions; }
}

/// <summary><c>relatedness += 0.12</c>.</summary>
public sealed class EffectSyntax : SyntaxNode
{
    public EffectSyntax(SyntaxToken dimension, SyntaxToken @operator, SyntaxToken value)
    {
        Dimension = dimension; Operator = @operator; Value = value;
    }

    public SyntaxToken Dimension { get; }
    public SyntaxToken Operator { get; }
    public SyntaxToken Value { get; }

    protected override IEnumerable<object?> Slots() { yield return Dimension; yield return Operator; yield return Value; }
}

/// <summary><c>on cue [when ...] =&gt; effect, effect</c>.</summary>
public sealed class RuleSyntax : MemberSyntax
{
    public RuleSyntax(SyntaxToken onKeyword, SyntaxToken cue, WhenClauseSyntax? when, SyntaxToken arrow, SeparatedSyntaxList<EffectSyntax> effects)
    {
        OnKeyword = onKeyword; Cue = cue; When = when; Arrow = arrow; Effects = effects;
    }

    public SyntaxToken OnKeyword { get; }
    public SyntaxToken Cue { get; }
    public WhenClauseSyntax? When { get; }
    public SyntaxToken Arrow { get; }
    public SeparatedSyntaxList<EffectSyntax> Effects { get; }
    public override SyntaxToken Head => OnKeyword;

    protected override IEnumerable<object?> Slots() { yield return OnKeyword; yield return Cue; yield return When; yield return Arrow; yield return Effects; }
}

/// <summary><c>says [when ...] "text"</c>.</summary>
public sealed class SaysSyntax : MemberSyntax
{
    public SaysSyntax(SyntaxToken saysKeyword, WhenClauseSyntax? when, SyntaxToken text)
    {
        SaysKeyword = saysKeyword; When = when; Text = text;
    }

    public SyntaxToken SaysKeyword { get; }
    public WhenClauseSyntax? When { get; }
    public SyntaxToken Text { get; }
    public override SyntaxToken Head => SaysKeyword;

    protected override IEnumerable<object?> Slots() { yield return SaysKeyword; yield return When; yield return Text; }
}

/// <summary><c>scoring process</c> or <c>scoring epm [direction fixed|per-turn]</c>.</summary>
public sealed class ScoringSyntax : MemberSyntax
{
    public ScoringSyntax(SyntaxToken keyword, SyntaxToken profile, SyntaxToken? directionKeyword, IReadOnlyList<SyntaxToken> direction)
    {
        Keyword = keyword; Profile = profile; DirectionKeyword = directionKeyword; Direction = direction;
    }

    public SyntaxToken Keyword { get; }
    public SyntaxToken Profile { get; }
    public SyntaxToken? DirectionKeyword { get; }

    /// <summary><c>fixed</c>, or the three tokens of <c>per-turn</c>; empty when no direction is given.</summary>
    public IReadOnlyList<SyntaxToken> Direction { get; }

    /// <summary>The direction as written: "fixed", "per-turn" or null.</summary>
    public string? DirectionText => Direction.Count == 0 ? null : string.Concat(Direction.Select(t => t.Text));

    public override SyntaxToken Head => Keyword;

    protected override IEnumerable<object?> Slots() { yield return Keyword; yield return Profile; yield return DirectionKeyword; yield return Direction; }
}

/// <summary>A keyword and names: <c>persona P</c>, <c>goal G</c>, <c>personas A, B</c>, <c>goals X, Y</c>.</summary>
public sealed class ReferenceMemberSyntax : MemberSyntax
{
    public ReferenceMemberSyntax(SyntaxToken keyword, SeparatedSyntaxList<SyntaxToken> names)
    {
        Keyword = keyword;
        Names = names;
    }

    public SyntaxToken Keyword { get; }
    public SeparatedSyntaxList<SyntaxToken> Names { get; }
    public override SyntaxToken Head => Keyword;

    protected override IEnumerable<object?> Slots() { yield return Keyword; yield return Names; }
}

/// <summary><c>seeds 1..5</c> or <c>seeds 3</c>.</summary>
public sealed class SeedsSyntax : MemberSyntax
{
    public SeedsSyntax(SyntaxToken keyword, SyntaxToken from, SyntaxToken? dotDot, SyntaxToken? to)
    {
        Keyword = keyword; From = from; DotDot = dotDot; To = to;
    }

    public SyntaxToken Keyword { get; }
    public SyntaxToken From { get; }
    public SyntaxToken? DotDot { get; }
    public SyntaxToken? To { get; }
    public override SyntaxToken Head => Keyword;

    protected override IEnumerable<object?> Slots() { yield return Keyword; yield return From; yield return DotDot; yield return To; }
}

/// <summary>Tokens the parser skipped while recovering from a syntax error (already reported).</summary>
public sealed class SkippedSyntax : MemberSyntax
{
    public SkippedSyntax(IReadOnlyList<SyntaxToken> tokens) => Tokens = tokens;

    public IReadOnlyList<SyntaxToken> Tokens { get; }

    public override SyntaxToken Head => Tokens[0];

    protected override IEnumerable<object?> Slots() { yield return Tokens; }
}

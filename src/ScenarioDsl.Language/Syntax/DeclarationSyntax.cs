namespace ScenarioDsl.Language.Syntax;

/// <summary>A whole file: its declarations and the end-of-file token (which carries the last trivia).</summary>
public sealed class CompilationUnitSyntax : SyntaxNode
{
    private readonly int _endOfFile;

    public CompilationUnitSyntax(IReadOnlyList<DeclarationSyntax> declarations, SyntaxToken endOfFile)
    {
        Declarations = declarations;
        _endOfFile = Index(endOfFile);
    }

    public IReadOnlyList<DeclarationSyntax> Declarations { get; }

    public SyntaxToken EndOfFile => Token(_endOfFile);

    private protected override void WriteChildren(ChildList children) { children.Add(Declarations); children.Add(EndOfFile); }
}

public enum DeclarationKind
{
    Space,
    Cues,
    Persona,
    Goal,
    Scenario,
    Suite,
    Unknown,
}

/// <summary>A top-level declaration. Tokens the parser could not use are kept in <see cref="Skipped"/>.</summary>
public abstract class DeclarationSyntax : SyntaxNode
{
    private readonly int _keyword;
    private readonly int _name;

    protected DeclarationSyntax(SyntaxToken keyword, SyntaxToken? name)
    {
        _keyword = Index(keyword);
        _name = Index(name);
    }

    public abstract DeclarationKind Kind { get; }

    public SyntaxToken Keyword => Token(_keyword);

    /// <summary>The declared name; null for <c>cues</c> and for a declaration broken before its name.</summary>
    public SyntaxToken? Name => TokenOrNull(_name);

    /// <summary>Tokens after the declaration that belong to no declaration (reported as errors).</summary>
    public SkippedSyntax? Skipped { get; internal set; }

    public static string KindName(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Space => "space",
        DeclarationKind.Cues => "cues",
        DeclarationKind.Persona => "persona",
        DeclarationKind.Goal => "goal",
        DeclarationKind.Scenario => "scenario",
        DeclarationKind.Suite => "suite",
        _ => "declaration",
    };
}

/// <summary>A declaration with a <c>{ ... }</c> body of members.</summary>
public abstract class BlockDeclarationSyntax : DeclarationSyntax
{
    private readonly int _openBrace;
    private readonly int _closeBrace;

    protected BlockDeclarationSyntax(SyntaxToken keyword, SyntaxToken? name, SyntaxToken openBrace, IReadOnlyList<MemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, name)
    {
        _openBrace = Index(openBrace);
        Members = members;
        _closeBrace = Index(closeBrace);
    }

    public SyntaxToken OpenBrace => Token(_openBrace);

    public IReadOnlyList<MemberSyntax> Members { get; }

    public SyntaxToken CloseBrace => Token(_closeBrace);

    /// <summary>The children between the name and the opening brace (none unless a declaration has some).</summary>
    private protected virtual void WriteHeader(ChildList children)
    {
    }

    private protected sealed override void WriteChildren(ChildList children)
    {
        children.Add(Keyword);
        children.Add(Name);
        WriteHeader(children);
        children.Add(OpenBrace);
        children.Add(Members);
        children.Add(CloseBrace);
        children.Add(Skipped);
    }
}

public sealed class SpaceDeclarationSyntax : BlockDeclarationSyntax
{
    private readonly int _description;

    public SpaceDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken? description, SyntaxToken openBrace, IReadOnlyList<MemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, members, closeBrace) => _description = Index(description);

    public override DeclarationKind Kind => DeclarationKind.Space;

    public SyntaxToken? Description => TokenOrNull(_description);

    private protected override void WriteHeader(ChildList children) { children.Add(Description); }
}

public sealed class CuesDeclarationSyntax : BlockDeclarationSyntax
{
    public CuesDeclarationSyntax(SyntaxToken keyword, SyntaxToken openBrace, IReadOnlyList<MemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, null, openBrace, members, closeBrace)
    {
    }

    public override DeclarationKind Kind => DeclarationKind.Cues;

}

/// <summary><c>persona Name in Space { ... }</c> and <c>goal Name in Space "description" { ... }</c>.</summary>
public sealed class PersonaDeclarationSyntax : BlockDeclarationSyntax
{
    private readonly int _inKeyword;
    private readonly int _spaceName;

    public PersonaDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken inKeyword, SyntaxToken spaceName, SyntaxToken openBrace, IReadOnlyList<MemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, members, closeBrace)
    {
        _inKeyword = Index(inKeyword);
        _spaceName = Index(spaceName);
    }

    public override DeclarationKind Kind => DeclarationKind.Persona;

    public SyntaxToken InKeyword => Token(_inKeyword);

    public SyntaxToken SpaceName => Token(_spaceName);

    private protected override void WriteHeader(ChildList children) { children.Add(InKeyword); children.Add(SpaceName); }
}

public sealed class GoalDeclarationSyntax : BlockDeclarationSyntax
{
    private readonly int _inKeyword;
    private readonly int _spaceName;
    private readonly int _description;

    public GoalDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken inKeyword, SyntaxToken spaceName, SyntaxToken? description, SyntaxToken openBrace, IReadOnlyList<MemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, members, closeBrace)
    {
        _inKeyword = Index(inKeyword);
        _spaceName = Index(spaceName);
        _description = Index(description);
    }

    public override DeclarationKind Kind => DeclarationKind.Goal;

    public SyntaxToken InKeyword => Token(_inKeyword);

    public SyntaxToken SpaceName => Token(_spaceName);

    public SyntaxToken? Description => TokenOrNull(_description);

    private protected override void WriteHeader(ChildList children) { children.Add(InKeyword); children.Add(SpaceName); children.Add(Description); }
}

public sealed class ScenarioDeclarationSyntax : BlockDeclarationSyntax
{
    public ScenarioDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken openBrace, IReadOnlyList<MemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, members, closeBrace)
    {
    }

    public override DeclarationKind Kind => DeclarationKind.Scenario;

}

public sealed class SuiteDeclarationSyntax : BlockDeclarationSyntax
{
    public SuiteDeclarationSyntax(SyntaxToken keyword, SyntaxToken name, SyntaxToken openBrace, IReadOnlyList<MemberSyntax> members, SyntaxToken closeBrace)
        : base(keyword, name, openBrace, members, closeBrace)
    {
    }

    public override DeclarationKind Kind => DeclarationKind.Suite;

}

/// <summary>
/// A declaration whose header could not be parsed (or text that starts no declaration). Its
/// name, when the keyword was followed by one, is still declared, so references to it resolve.
/// </summary>
public sealed class IncompleteDeclarationSyntax : DeclarationSyntax
{
    private readonly int _spaceName;

    public IncompleteDeclarationSyntax(DeclarationKind kind, SyntaxToken keyword, SyntaxToken? name, SyntaxToken? spaceName, SkippedSyntax rest)
        : base(keyword, name)
    {
        Kind = kind;
        _spaceName = Index(spaceName);
        Rest = rest;
    }

    public override DeclarationKind Kind { get; }

    /// <summary>The space after <c>in</c>, when the header got that far.</summary>
    public SyntaxToken? SpaceName => TokenOrNull(_spaceName);

    /// <summary>The tokens after the keyword (the name and space tokens among them).</summary>
    public SkippedSyntax Rest { get; }

    private protected override void WriteChildren(ChildList children) { children.Add(Keyword); children.Add(Rest); children.Add(Skipped); }
}

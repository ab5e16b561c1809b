namespace ScenarioDsl.Language.Binding;

// The bound model: what the binder makes of all .emps files of one compilation. Every type is
// an immutable value with structural equality (records, EquatableArray), free of syntax nodes,
// so the incremental generator can cache on it and the interpreter can run it.
// Dimension values are always in the space's dimension order.

/// <summary>A 1-based line and column in a .emps file (for #line directives and messages).</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}({Line},{Column})";
}

/// <summary>Everything declared in one compilation. Declarations with errors are kept, flagged <c>HasErrors</c>.</summary>
public sealed record BoundModel(
    EquatableArray<SpaceSymbol> Spaces,
    EquatableArray<CueSymbol> Cues,
    EquatableArray<PersonaSymbol> Personas,
    EquatableArray<GoalSymbol> Goals,
    EquatableArray<ScenarioSymbol> Scenarios,
    EquatableArray<SuiteSymbol> Suites)
{
    public static BoundModel Empty { get; } = new(
        EquatableArray<SpaceSymbol>.Empty, EquatableArray<CueSymbol>.Empty, EquatableArray<PersonaSymbol>.Empty,
        EquatableArray<GoalSymbol>.Empty, EquatableArray<ScenarioSymbol>.Empty, EquatableArray<SuiteSymbol>.Empty);

    public SpaceSymbol? FindSpace(string name) => Spaces.FirstOrDefault(s => s.Name == name);

    public CueSymbol? FindCue(string name) => Cues.FirstOrDefault(c => c.Name == name);

    public PersonaSymbol? FindPersona(string name) => Personas.FirstOrDefault(p => p.Name == name);

    public GoalSymbol? FindGoal(string name) => Goals.FirstOrDefault(g => g.Name == name);

    public ScenarioSymbol? FindScenario(string name) => Scenarios.FirstOrDefault(s => s.Name == name);

    public SuiteSymbol? FindSuite(string name) => Suites.FirstOrDefault(s => s.Name == name);
}

public sealed record SpaceSymbol(
    string Name,
    string? Description,
    EquatableArray<DimensionSymbol> Dimensions,
    SourceLocation Location,
    bool HasErrors)
{
    public int IndexOf(string dimension)
    {
        for (int i = 0; i < Dimensions.Count; i++)
            if (Dimensions[i].Name == dimension) return i;
        return -1;
    }
}

public sealed record DimensionSymbol(string Name, int Index, double Low, double High, string? Description)
{
    public double Width => High - Low;
}

/// <summary>A cue and its phrases. <c>mirroring</c> is built in (<see cref="IsBuiltIn"/>) and has no phrases.</summary>
public sealed record CueSymbol(string Name, EquatableArray<string> Phrases, bool IsBuiltIn, SourceLocation Location)
{
    public const string Mirroring = "mirroring";
}

public sealed record TraitValue(string Name, double Value);

public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary><c>dimension OP value</c>; <see cref="Dimension"/> indexes the space's dimensions.</summary>
public sealed record ConditionSymbol(int Dimension, ComparisonOperator Operator, double Value)
{
    public bool Holds(double x) => Operator switch
    {
        ComparisonOperator.Less => x < Value,
        ComparisonOperator.LessOrEqual => x <= Value,
        ComparisonOperator.Greater => x > Value,
        _ => x >= Value,
    };
}

/// <summary>A signed change of one dimension (<c>-=</c> is stored as a negative amount).</summary>
public sealed record EffectSymbol(int Dimension, double Amount);

/// <summary><c>on Cue when ... =&gt; effects</c>, in file order.</summary>
public sealed record RuleSymbol(
    string Cue,
    EquatableArray<ConditionSymbol> Conditions,
    EquatableArray<EffectSymbol> Effects,
    SourceLocation Location);

/// <summary><c>says when ... "text"</c>; no conditions means it always holds.</summary>
public sealed record SaysSymbol(EquatableArray<ConditionSymbol> Conditions, string Text, SourceLocation Location);

public sealed record PersonaSymbol(
    string Name,
    string Space,
    string? About,
    EquatableArray<TraitValue> Traits,
    EquatableArray<double> Start,
    string Opens,
    EquatableArray<RuleSymbol> Rules,
    double Drift,
    double Noise,
    EquatableArray<SaysSymbol> Says,
    SourceLocation Location,
    bool HasErrors)
{
    public const string DefaultOpens = "Hi.";
}

public enum GoalKind
{
    /// <summary>Absolute target point over the constrained dimensions.</summary>
    Target,

    /// <summary>A shift relative to the persona's start.</summary>
    Shift,
}

public enum ScoringProfileKind
{
    Process,
    Epm,
}

public enum EpmDirection
{
    /// <summary>The released code's fixed ideal direction u/|u|.</summary>
    Fixed,

    /// <summary>The paper's per-turn direction (target - s_{t-1}) normalized.</summary>
    PerTurn,
}

/// <summary>One constrained dimension of a goal and its target value or shift.</summary>
public sealed record GoalComponent(int Dimension, double Value);

public sealed record GoalSymbol(
    string Name,
    string Space,
    string? Description,
    GoalKind Kind,
    EquatableArray<GoalComponent> Components,
    double Within,
    int Turns,
    double AlignmentWeight,
    double ImpactWeight,
    double StabilityWeight,
    ScoringProfileKind Scoring,
    EpmDirection Direction,
    SourceLocation Location,
    bool HasErrors)
{
    public const double DefaultWithin = 0.05;
    public const int DefaultTurns = 10;
}

public sealed record ScenarioSymbol(string Name, string Persona, string Goal, int Seed, SourceLocation Location, bool HasErrors);

/// <summary>One case of a suite: persona x goal x seed, named <c>Persona_Goal_sSeed</c>.</summary>
public sealed record SuiteCase(string Name, string Persona, string Goal, int Seed);

public sealed record SuiteSymbol(
    string Name,
    EquatableArray<string> Personas,
    EquatableArray<string> Goals,
    EquatableArray<int> Seeds,
    SourceLocation Location,
    bool HasErrors)
{
    /// <summary>The cross product, personas outermost, then goals, then seeds.</summary>
    public IEnumerable<SuiteCase> Cases()
    {
        foreach (var p in Personas)
            foreach (var g in Goals)
                foreach (var s in Seeds)
                    yield return new SuiteCase(CaseName(p, g, s), p, g, s);
    }

    public static string CaseName(string persona, string goal, int seed) =>
        persona + "_" + goal + "_s" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using System.Globalization;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Diagnostics;

/// <summary>
/// The one catalogue of .emps diagnostics (SPEC section 3). The analyzer, the command and the
/// language server render these; nothing else creates diagnostics. Codes are tracked in
/// AnalyzerReleases.Shipped.md / AnalyzerReleases.Unshipped.md beside this file.
/// </summary>
public static class DiagnosticCatalogue
{
    private const string Syntax = "Syntax";
    private const string Names = "Names";
    private const string Space = "LatentSpace";
    private const string Values = "Values";
    private const string Usage = "Usage";

    public static readonly DiagnosticDescriptor SyntaxError = new(
        "EMPS0001", "Syntax error", "{0}", DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor InvalidNumber = new(
        "EMPS0002", "Invalid number", "{0}", DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor Unterminated = new(
        "EMPS0003", "Unterminated string or comment", "{0}", DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor DuplicateDeclaration = new(
        "EMPS1001", "Duplicate declaration", "{0} '{1}' is already declared ({2})", DiagnosticSeverity.Error, Names);

    public static readonly DiagnosticDescriptor UnknownReference = new(
        "EMPS1002", "Unknown reference", "unknown {0} '{1}'", DiagnosticSeverity.Error, Names);

    public static readonly DiagnosticDescriptor IdentifierCollision = new(
        "EMPS1003", "Generated identifier collision", "{0} '{1}' and {2} '{3}' both become the C# identifier '{4}'", DiagnosticSeverity.Error, Names);

    public static readonly DiagnosticDescriptor DuplicateDimension = new(
        "EMPS2001", "Duplicate dimension", "dimension '{0}' is already declared in space '{1}'", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor InvalidRange = new(
        "EMPS2002", "Empty, inverted or unbounded range", "the range of dimension '{0}' is {1}: [{2}, {3}] ({4})", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor UnknownDimension = new(
        "EMPS2003", "Unknown dimension", "space '{1}' has no dimension '{0}'", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        "EMPS2004", "Value outside the dimension's range", "{0} value {1} of dimension '{2}' is outside its range [{3}, {4}]", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor IncompleteStart = new(
        "EMPS2005", "Incomplete start", "the start of persona '{0}' does not give {1} of space '{2}'", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor SpaceMismatch = new(
        "EMPS2006", "Persona and goal in different spaces", "persona '{0}' is in space '{1}' but goal '{2}' is in space '{3}'", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor NoDirection = new(
        "EMPS2007", "Goal has no direction", "goal '{0}' gives persona '{1}' no direction: the target equals the start on every constrained dimension", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor TargetUnreachable = new(
        "EMPS2008", "Target unreachable", "goal '{0}' needs dimension '{1}' of persona '{2}' to {3}, but no rule of the persona {4} it", DiagnosticSeverity.Warning, Space);

    public static readonly DiagnosticDescriptor TargetOutsideSpace = new(
        "EMPS2009", "Target outside the space", "goal '{0}' puts dimension '{1}' of persona '{2}' at {3}", DiagnosticSeverity.Error, Space);

    public static readonly DiagnosticDescriptor ConstantCondition = new(
        "EMPS2010", "Condition never or always holds", "the condition '{0}' {1} within the range [{2}, {3}] of dimension '{4}'", DiagnosticSeverity.Warning, Space);

    public static readonly DiagnosticDescriptor StartsConverged = new(
        "EMPS2011", "Scenario starts converged", "{0} '{1}' starts already converged: persona '{2}' is within {3} of the target of goal '{4}'", DiagnosticSeverity.Warning, Space);

    public static readonly DiagnosticDescriptor EffectTooLarge = new(
        "EMPS2012", "Effect larger than the range", "the effect {0} on dimension '{1}' is larger than its whole range width {2}", DiagnosticSeverity.Warning, Space);

    public static readonly DiagnosticDescriptor OpposingRules = new(
        "EMPS2013", "Opposing rules", "two rules on cue '{0}' with the same condition move dimension '{1}' in opposite directions (the other rule is at {2})", DiagnosticSeverity.Warning, Space);

    public static readonly DiagnosticDescriptor InvalidTurns = new(
        "EMPS3001", "Invalid turns", "turns must be a whole number in 1..1000, not {0}", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor InvalidWithin = new(
        "EMPS3002", "Invalid within", "within must be greater than 0 and smaller than the diagonal of space '{1}' ({2}), not {0}", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor InvalidWeights = new(
        "EMPS3003", "Invalid weights", "{0}", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor InvalidDynamics = new(
        "EMPS3004", "Drift, noise or trait out of range", "{0}", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor InvalidGoalKind = new(
        "EMPS3005", "Goal needs exactly one of target and shift", "{0}", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor NoDefaultSays = new(
        "EMPS3006", "Persona may fall silent", "persona '{0}' has no `says` without `when`: when no condition holds it replies \"...\"", DiagnosticSeverity.Warning, Values);

    public static readonly DiagnosticDescriptor MissingMember = new(
        "EMPS3007", "Required member missing", "{0} '{1}' has no {2}", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor DuplicateMember = new(
        "EMPS3008", "Member given twice", "`{0}` is already given in {1} '{2}'", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor TooManyCues = new(
        "EMPS3009", "Too many cues", "persona '{0}' reacts to more than {1} cues besides `mirroring`; a scenario can hold {1}", DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor UnusedDeclaration = new(
        "EMPS4001", "Declaration not used", "{0} '{1}' is not used by any scenario or suite", DiagnosticSeverity.Info, Usage);

    public static readonly DiagnosticDescriptor BadPhrase = new(
        "EMPS4002", "Duplicated or empty cue phrase", "{0}", DiagnosticSeverity.Warning, Usage);

    /// <summary>Every descriptor, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        SyntaxError, InvalidNumber, Unterminated,
        DuplicateDeclaration, UnknownReference, IdentifierCollision,
        DuplicateDimension, InvalidRange, UnknownDimension, ValueOutOfRange, IncompleteStart,
        SpaceMismatch, NoDirection, TargetUnreachable, TargetOutsideSpace, ConstantCondition,
        StartsConverged, EffectTooLarge, OpposingRules,
        InvalidTurns, InvalidWithin, InvalidWeights, InvalidDynamics, InvalidGoalKind,
        NoDefaultSays, MissingMember, DuplicateMember, TooManyCues,
        UnusedDeclaration, BadPhrase,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode =
        All.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    public static DiagnosticDescriptor? Find(string code) =>
        ByCode.TryGetValue(code, out var d) ? d : null;

    /// <summary>Creates a diagnostic; a suggestion's title is appended to the message.</summary>
    public static Diagnostic Create(
        DiagnosticDescriptor descriptor, SourceText text, TextSpan span, Suggestion? suggestion, params object?[] args)
    {
        string message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args.Select(Render).ToArray());
        if (suggestion is not null) message += "; " + suggestion.Title;
        return new Diagnostic(descriptor, descriptor.DefaultSeverity, Location.Create(text, span), message, suggestion);
    }

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceText text, TextSpan span, params object?[] args) =>
        Create(descriptor, text, span, null, args);

    /// <summary>Numbers render in the invariant culture, round-trippable and short.</summary>
    internal static object? Render(object? arg) => arg switch
    {
        double d => FormatNumber(d),
        _ => arg,
    };

    public static string FormatNumber(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture);
}

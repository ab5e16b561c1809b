using System.Runtime.CompilerServices;
using System.Text;

namespace ScenarioDsl.Language.Binding;

/// <summary>
/// How .emps names become C# identifiers in generated code. It lives in the language core so the
/// binder can report collisions (EMPS1003) with the same function the generator uses.
/// </summary>
public static class IdentifierNaming
{
    /// <summary><c>high_anxiety</c> -> <c>HighAnxiety</c>; <c>distress</c> -> <c>Distress</c>.</summary>
    /// <remarks>
    /// The binder (collisions, every compilation) and the generator ask for every declared name again
    /// on every edit, and a name is one string per file (the lexer interns a file's texts), so results
    /// are remembered per name string while it lives; a name that is already an identifier is its own.
    /// </remarks>
    public static string ToPascalCase(string name)
    {
        if (IsPascalCase(name)) return name;
        return PascalCaseByName.GetValue(name, static n => Convert(n));
    }

    private static readonly ConditionalWeakTable<string, string> PascalCaseByName = new();

    /// <summary>True when <see cref="Convert"/> would give the name back: no underscore, a first character that is upper case (or has no case) and no digit.</summary>
    private static bool IsPascalCase(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]) || char.ToUpperInvariant(name[0]) != name[0]) return false;
        return name.IndexOf('_') < 0;
    }

    private static string Convert(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>The generated type of a space's state: <c>&lt;Space&gt;State</c>.</summary>
    public static string StateTypeName(string space) => ToPascalCase(space) + "State";

    /// <summary>Generated containers that declarations of each kind become members of.</summary>
    public static readonly IReadOnlyList<string> ContainerNames = new[] { "Spaces", "Personas", "Goals", "Scenarios", "Suites" };

    /// <summary>Members of a suite's generated class (<c>Case</c> is its nested row type); the suite's own class may not take their names.</summary>
    public static readonly IReadOnlyList<string> ReservedSuiteMembers = new[] { "Name", "All", "Cases", "Case" };

    /// <summary>Member names the generated state struct uses itself; a dimension may not take them.</summary>
    public static readonly IReadOnlyList<string> ReservedStateMembers = new[]
    {
        "Dimensions", "Count", "Item", "Equals", "GetHashCode", "ToString", "Deconstruct", "EqualityContract", "PrintMembers",
        "ToArray", "FromSpan", "CopyTo", "Get", "Space",
    };
}

using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Binding;

public enum SymbolKind
{
    Space,
    Dimension,
    Cue,
    Persona,
    Goal,
    Scenario,
    Suite,
}

/// <summary>Identifies a declared thing; dimensions are qualified by their space (<see cref="Container"/>).</summary>
public sealed record SymbolKey(SymbolKind Kind, string Name, string? Container = null);

/// <summary>Where a symbol is declared: the name token and the whole declaration.</summary>
public sealed record SymbolDefinition(SymbolKey Key, string Path, TextSpan NameSpan, TextSpan FullSpan);

/// <summary>A name token that refers to a symbol (a value: a compilation has tens of thousands).</summary>
public readonly record struct SymbolReference(SymbolKey Key, string Path, TextSpan Span);

/// <summary>
/// Definitions and resolved references of a compilation, by file and offset: what an editor needs
/// for go to definition, find references, rename and hover.
/// </summary>
public sealed class SemanticIndex
{
    public SemanticIndex(IReadOnlyList<SymbolDefinition> definitions, IReadOnlyList<SymbolReference> references)
    {
        Definitions = definitions;
        References = references;
    }

    public IReadOnlyList<SymbolDefinition> Definitions { get; }

    public IReadOnlyList<SymbolReference> References { get; }

    /// <summary>The symbol whose definition name or reference covers the position (caret at either edge counts).</summary>
    public SymbolKey? FindAt(string path, int position)
    {
        foreach (var d in Definitions)
            if (d.Path == path && d.NameSpan.ContainsOrTouches(position)) return d.Key;
        foreach (var r in References)
            if (r.Path == path && r.Span.ContainsOrTouches(position)) return r.Key;
        return null;
    }

    public IEnumerable<SymbolDefinition> DefinitionsOf(SymbolKey key) => Definitions.Where(d => d.Key == key);

    public IEnumerable<SymbolReference> ReferencesTo(SymbolKey key) => References.Where(r => r.Key == key);
}

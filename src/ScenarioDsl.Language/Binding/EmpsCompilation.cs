using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Binding;

/// <summary>
/// All .emps files of one project (or one <c>emps</c> command's set of files): names are global
/// across them. Immutable; <see cref="WithText"/> gives a new compilation that reuses the other
/// files' syntax trees.
/// </summary>
public sealed class EmpsCompilation
{
    private readonly Lazy<BindingResult> _binding;

    private EmpsCompilation(IReadOnlyList<SyntaxTree> trees)
    {
        SyntaxTrees = trees;
        _binding = new Lazy<BindingResult>(() => Binder.Bind(trees), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<SyntaxTree> SyntaxTrees { get; }

    public static EmpsCompilation Create(IEnumerable<SourceText> texts) =>
        new(texts.Select(SyntaxTree.Parse).ToArray());

    public static EmpsCompilation Create(IEnumerable<SyntaxTree> trees) => new(trees.ToArray());

    /// <summary>A compilation of one file given as a string (handy in tests and tools).</summary>
    public static EmpsCompilation FromText(string text, string path = "test.emps") =>
        Create(new[] { SourceText.From(text, path) });

    /// <summary>
    /// Replaces (or adds) one file, reusing every other file's syntax tree. A replaced file keeps its place; a new one
    /// goes before the first file whose path sorts after its own (ordinal), so a compilation in path order, as
    /// <c>emps check</c> and the generator make them, stays in path order (which declaration of a name comes first
    /// then does not depend on the order files were added in).
    /// </summary>
    public EmpsCompilation WithText(SourceText text)
    {
        var tree = SyntaxTree.Parse(text);
        // The new tree takes the place of the first tree of its path (others of that path are dropped).
        var trees = new List<SyntaxTree>(SyntaxTrees.Count + 1);
        bool placed = false;
        foreach (var t in SyntaxTrees)
        {
            if (t.Path != text.Path) trees.Add(t);
            else if (!placed)
            {
                trees.Add(tree);
                placed = true;
            }
        }
        if (!placed)
        {
            int at = trees.FindIndex(t => string.CompareOrdinal(t.Path, text.Path) > 0);
            trees.Insert(at < 0 ? trees.Count : at, tree);
        }
        return new EmpsCompilation(trees);
    }

    public EmpsCompilation RemoveFile(string path) => new(SyntaxTrees.Where(t => t.Path != path).ToArray());

    /// <summary>The bound model of every declaration (those with errors flagged, never dropped).</summary>
    public BoundModel Model => _binding.Value.Model;

    /// <summary>Every diagnostic, syntax and semantic, ordered by file, then position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _binding.Value.Diagnostics;

    /// <summary>Symbols and references by syntax, for editors (definition, references, rename, hover).</summary>
    public SemanticIndex Index => _binding.Value.Index;

    /// <summary>Personas and goals whose binding was replayed from an earlier compilation sharing their syntax (tests, benchmarks).</summary>
    internal int ReusedDeclarations => _binding.Value.ReusedDeclarations;

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Diagnostics with severities changed by a configuration (for example a .globalconfig).</summary>
    public IReadOnlyList<Diagnostic> GetDiagnostics(DiagnosticOptions? options) =>
        options is null ? Diagnostics : options.Apply(Diagnostics);
}

internal sealed record BindingResult(BoundModel Model, IReadOnlyList<Diagnostic> Diagnostics, SemanticIndex Index, int ReusedDeclarations);

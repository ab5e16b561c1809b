using System.Collections.Immutable;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.LanguageServer.Workspace;

/// <summary>
/// A document the client has open: its URI as the client spells it, its version and text.
/// <see cref="TooLarge"/>: longer than the server's limit, so kept in sync but not compiled.
/// </summary>
public sealed record OpenDocument(string Uri, string Path, int Version, SourceText Text, bool TooLarge = false);

/// <summary>
/// One immutable state of the workspace: every .emps file under the root (open documents with the
/// editor's text, the others as on disk) as one compilation, the files <c>emps check</c> of the root
/// reads; and each open document that is not one of them (outside the root, in a folder the root's
/// walk skips, <c>untitled:</c>) compiled on its own, as <c>emps check</c> of that file alone would,
/// so it can neither add declarations to the workspace nor clash with them. Handlers answer from a
/// snapshot, so a request never sees a half-applied change.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Lazy<Dictionary<string, List<Diagnostic>>> _workspaceDiagnostics;

    public WorkspaceSnapshot(
        EmpsCompilation compilation, ImmutableDictionary<string, EmpsCompilation> loose, ImmutableDictionary<string, OpenDocument> openDocuments,
        SeverityConfigs severities, long generation)
    {
        Compilation = compilation;
        Loose = loose;
        OpenDocuments = openDocuments;
        Severities = severities;
        Generation = generation;
        _workspaceDiagnostics = new(() => compilation.Diagnostics.GroupBy(d => d.Location.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
    }

    public static WorkspaceSnapshot Empty { get; } = new(
        EmpsCompilation.Create(Array.Empty<SourceText>()),
        ImmutableDictionary<string, EmpsCompilation>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal),
        SeverityConfigs.Empty,
        0);

    /// <summary>The workspace's files as one compilation.</summary>
    public EmpsCompilation Compilation { get; }

    /// <summary>Open documents that are not workspace files, by path, each in a compilation of its own.</summary>
    public ImmutableDictionary<string, EmpsCompilation> Loose { get; }

    /// <summary>Open documents by path.</summary>
    public ImmutableDictionary<string, OpenDocument> OpenDocuments { get; }

    /// <summary>Each file's severities: its nearest .globalconfig, as <c>emps check</c> and the build find it.</summary>
    public SeverityConfigs Severities { get; }

    /// <summary>Increases with every change; diagnostics are published for the newest only.</summary>
    public long Generation { get; }

    /// <summary>The compilation a file is part of: its own for a loose document, else the workspace's.</summary>
    public EmpsCompilation CompilationOf(string path) => Loose.TryGetValue(path, out var own) ? own : Compilation;

    public SyntaxTree? GetTree(string path)
    {
        foreach (var tree in CompilationOf(path).SyntaxTrees)
            if (tree.Path == path) return tree;
        return null;
    }

    public string UriOf(string path) =>
        OpenDocuments.TryGetValue(path, out var doc) ? doc.Uri : DocumentUris.FromPath(path);

    /// <summary>A file's diagnostics from its compilation, with the severities of its nearest .globalconfig (hidden ones dropped).</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsOf(string path)
    {
        IEnumerable<Diagnostic> found = Loose.TryGetValue(path, out var own)
            ? own.Diagnostics.Where(d => d.Location.Path == path)
            : _workspaceDiagnostics.Value.TryGetValue(path, out var list) ? list : Enumerable.Empty<Diagnostic>();
        return Severities.For(path).Apply(found);
    }
}

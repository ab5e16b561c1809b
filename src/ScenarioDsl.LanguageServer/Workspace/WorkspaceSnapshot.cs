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
/// editor's text, the others as on disk) as one compilation. Handlers answer from a snapshot, so a
/// request never sees a half-applied change.
/// </summary>
public sealed class WorkspaceSnapshot
{
    public WorkspaceSnapshot(EmpsCompilation compilation, ImmutableDictionary<string, OpenDocument> openDocuments, DiagnosticOptions options, long generation)
    {
        Compilation = compilation;
        OpenDocuments = openDocuments;
        Options = options;
        Generation = generation;
    }

    public static WorkspaceSnapshot Empty { get; } = new(
        EmpsCompilation.Create(Array.Empty<SourceText>()),
        ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal),
        DiagnosticOptions.Default,
        0);

    public EmpsCompilation Compilation { get; }

    /// <summary>Open documents by path.</summary>
    public ImmutableDictionary<string, OpenDocument> OpenDocuments { get; }

    public DiagnosticOptions Options { get; }

    /// <summary>Increases with every change; diagnostics are published for the newest only.</summary>
    public long Generation { get; }

    public SyntaxTree? GetTree(string path)
    {
        foreach (var tree in Compilation.SyntaxTrees)
            if (tree.Path == path) return tree;
        return null;
    }

    public string UriOf(string path) =>
        OpenDocuments.TryGetValue(path, out var doc) ? doc.Uri : DocumentUris.FromPath(path);

    public IReadOnlyList<Diagnostic> Diagnostics => Compilation.GetDiagnostics(Options);
}

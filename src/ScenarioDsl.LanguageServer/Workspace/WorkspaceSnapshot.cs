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
    public WorkspaceSnapshot(EmpsCompilation compilation, ImmutableDictionary<string, OpenDocument> openDocuments, SeverityConfigs severities, long generation)
    {
        Compilation = compilation;
        OpenDocuments = openDocuments;
        Severities = severities;
        Generation = generation;
    }

    public static WorkspaceSnapshot Empty { get; } = new(
        EmpsCompilation.Create(Array.Empty<SourceText>()),
        ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal),
        SeverityConfigs.Empty,
        0);

    public EmpsCompilation Compilation { get; }

    /// <summary>Open documents by path.</summary>
    public ImmutableDictionary<string, OpenDocument> OpenDocuments { get; }

    /// <summary>Each file's severities: its nearest .globalconfig, as <c>emps check</c> and the build find it.</summary>
    public SeverityConfigs Severities { get; }

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

    /// <summary>The compilation's diagnostics, each file's with the severities of its own nearest .globalconfig (hidden ones dropped).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
        Compilation.Diagnostics.GroupBy(d => d.Location.Path, StringComparer.Ordinal).SelectMany(g => Severities.For(g.Key).Apply(g)).ToList();
}

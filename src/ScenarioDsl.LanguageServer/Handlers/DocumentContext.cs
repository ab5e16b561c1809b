using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>
/// A request's document in a snapshot: its path, syntax tree and text, and the compilation it is part of (the
/// workspace's, or its own for a document outside the workspace).
/// </summary>
internal sealed record DocumentContext(WorkspaceSnapshot Snapshot, string Uri, string Path, SyntaxTree Tree, EmpsCompilation Compilation)
{
    public SourceText Text => Tree.Text;

    public static DocumentContext? Find(WorkspaceSnapshot snapshot, TextDocumentIdentifier? document)
    {
        if (document?.Uri is null) return null;
        string path = DocumentUris.ToPath(document.Uri);
        var tree = snapshot.GetTree(path);
        return tree is null ? null : new DocumentContext(snapshot, document.Uri, path, tree, snapshot.CompilationOf(path));
    }

    public int Offset(Position? position) => position is null ? 0 : Conversions.ToOffset(Text, position);

    public Range Range(TextSpan span) => Conversions.ToRange(Text, span);

    /// <summary>A range in any file of the document's compilation.</summary>
    public Protocol.Location LocationIn(string path, TextSpan span)
    {
        var tree = Compilation.SyntaxTrees.FirstOrDefault(t => t.Path == path);
        var range = tree is null ? new Range(new Position(0, 0), new Position(0, 0)) : Conversions.ToRange(tree.Text, span);
        return new Protocol.Location(Snapshot.UriOf(path), range);
    }
}

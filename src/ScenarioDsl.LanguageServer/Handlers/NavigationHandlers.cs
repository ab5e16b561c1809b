using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;
using StreamJsonRpc;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>textDocument/definition: where the name under the caret is declared.</summary>
internal static class DefinitionHandler
{
    public static Location[] Handle(WorkspaceSnapshot snapshot, TextDocumentPositionParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return Array.Empty<Location>();
        var key = snapshot.Compilation.Index.FindAt(doc.Path, doc.Offset(p!.Position));
        if (key is null) return Array.Empty<Location>();
        return snapshot.Compilation.Index.DefinitionsOf(key).Select(d => doc.LocationIn(d.Path, d.NameSpan)).ToArray();
    }
}

/// <summary>textDocument/references: every use of the name under the caret, across the workspace.</summary>
internal static class ReferencesHandler
{
    public static Location[] Handle(WorkspaceSnapshot snapshot, ReferenceParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return Array.Empty<Location>();
        var index = snapshot.Compilation.Index;
        var key = index.FindAt(doc.Path, doc.Offset(p!.Position));
        if (key is null) return Array.Empty<Location>();
        var result = new List<Location>();
        if (p.Context?.IncludeDeclaration ?? true)
            result.AddRange(index.DefinitionsOf(key).Select(d => doc.LocationIn(d.Path, d.NameSpan)));
        result.AddRange(index.ReferencesTo(key).Select(r => doc.LocationIn(r.Path, r.Span)));
        return result.ToArray();
    }
}

/// <summary>textDocument/prepareRename and textDocument/rename: renames a declaration and every reference to it.</summary>
internal static class RenameHandler
{
    public static PrepareRenameResult? Prepare(WorkspaceSnapshot snapshot, TextDocumentPositionParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return null;
        int offset = doc.Offset(p!.Position);
        var key = snapshot.Compilation.Index.FindAt(doc.Path, offset);
        if (key is null || (key.Kind == SymbolKind.Cue && key.Name == CueSymbol.Mirroring)) return null;
        if (doc.Tree.FindToken(offset) is not { Kind: SyntaxKind.Identifier } token) return null;
        return new PrepareRenameResult(doc.Range(token.Span), token.Text);
    }

    public static WorkspaceEdit? Handle(WorkspaceSnapshot snapshot, RenameParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return null;
        if (!SyntaxFacts.IsValidIdentifier(p!.NewName))
            throw new LocalRpcException($"'{p.NewName}' is not a valid name: use letters, digits and '_', not starting with a digit") { ErrorCode = ErrorCodes.InvalidParams };
        var index = snapshot.Compilation.Index;
        var key = index.FindAt(doc.Path, doc.Offset(p.Position));
        if (key is null) return null;
        if (key.Kind == SymbolKind.Cue && key.Name == CueSymbol.Mirroring)
            throw new LocalRpcException("'mirroring' is a built-in cue and cannot be renamed") { ErrorCode = ErrorCodes.RequestFailed };
        var spans = index.DefinitionsOf(key).Select(d => (d.Path, Span: d.NameSpan))
            .Concat(index.ReferencesTo(key).Select(r => (r.Path, r.Span)))
            .Distinct();
        var changes = new Dictionary<string, TextEdit[]>(StringComparer.Ordinal);
        foreach (var group in spans.GroupBy(s => s.Path))
        {
            var edits = group.OrderBy(s => s.Span.Start)
                .Select(s => new TextEdit(doc.LocationIn(s.Path, s.Span).Range, p.NewName)).ToArray();
            changes[snapshot.UriOf(group.Key)] = edits;
        }
        return new WorkspaceEdit(changes);
    }
}

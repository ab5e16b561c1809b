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
        var key = doc.Compilation.Index.FindAt(doc.Path, doc.Offset(p!.Position));
        if (key is null) return Array.Empty<Location>();
        return doc.Compilation.Index.DefinitionsOf(key).Select(d => doc.LocationIn(d.Path, d.NameSpan)).ToArray();
    }
}

/// <summary>textDocument/references: every use of the name under the caret, across the workspace.</summary>
internal static class ReferencesHandler
{
    public static Location[] Handle(WorkspaceSnapshot snapshot, ReferenceParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return Array.Empty<Location>();
        var index = doc.Compilation.Index;
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
        var key = doc.Compilation.Index.FindAt(doc.Path, offset);
        if (key is null || doc.Tree.FindName(offset) is not { } token) return null;
        RefuseBuiltIn(key);
        return new PrepareRenameResult(doc.Range(token.Span), token.Text);
    }

    public static WorkspaceEdit? Handle(WorkspaceSnapshot snapshot, RenameParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return null;
        if (!SyntaxFacts.IsValidIdentifier(p!.NewName))
            throw new LocalRpcException($"'{p.NewName}' is not a valid name: use letters, digits and '_', not starting with a digit") { ErrorCode = ErrorCodes.InvalidParams };
        var index = doc.Compilation.Index;
        var key = index.FindAt(doc.Path, doc.Offset(p.Position));
        if (key is null) return null;
        RefuseBuiltIn(key);
        var spans = index.DefinitionsOf(key).Select(d => (d.Path, Span: d.NameSpan))
            .Concat(index.ReferencesTo(key).Select(r => (r.Path, r.Span)))
            .Distinct()
            .ToArray();
        if (FirstNewError(doc.Compilation, spans, key.Name, p.NewName) is { } error)
            throw new LocalRpcException($"renaming to '{p.NewName}' would give {error}") { ErrorCode = ErrorCodes.RequestFailed };
        var changes = new Dictionary<string, TextEdit[]>(StringComparer.Ordinal);
        foreach (var group in spans.GroupBy(s => s.Path))
        {
            var edits = group.OrderBy(s => s.Span.Start)
                .Select(s => new TextEdit(doc.LocationIn(s.Path, s.Span).Range, p.NewName)).ToArray();
            changes[snapshot.UriOf(group.Key)] = edits;
        }
        return new WorkspaceEdit(changes);
    }

    /// <summary>
    /// The built-in <c>mirroring</c> is refused with the reason, in prepareRename too: a null there only tells the
    /// editor that nothing can be renamed, without the why.
    /// </summary>
    private static void RefuseBuiltIn(SymbolKey key)
    {
        if (key.Kind == SymbolKind.Cue && key.Name == CueSymbol.Mirroring)
            throw new LocalRpcException("'mirroring' is a built-in cue and cannot be renamed") { ErrorCode = ErrorCodes.RequestFailed };
    }

    /// <summary>
    /// The error the renamed files would have that the current ones have not (a name that is taken: EMPS1001,
    /// EMPS2001, the built-in <c>mirroring</c>; a name whose generated identifier is taken: EMPS1003; such an error first,
    /// else the first new one in file order), or null. The
    /// rename is applied to the texts in memory and compiled by the language core, so every rule counts, not a list.
    /// </summary>
    private static string? FirstNewError(EmpsCompilation compilation, IReadOnlyList<(string Path, Language.Text.TextSpan Span)> spans, string oldName, string newName)
    {
        var renamed = compilation;
        foreach (var file in spans.GroupBy(s => s.Path))
        {
            var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.Path == file.Key);
            if (tree is null) continue;
            var text = new System.Text.StringBuilder(tree.Text.Text);
            foreach (var (_, span) in file.OrderByDescending(s => s.Span.Start))
                text.Remove(span.Start, span.Length).Insert(span.Start, newName);
            renamed = renamed.WithText(Language.Text.SourceText.FromEditor(text.ToString(), tree.Path));
        }
        static string Describe(Language.Diagnostics.Diagnostic d) => d.Code + ": " + d.Message;
        var before = compilation.Diagnostics.Where(d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error)
            .GroupBy(Describe).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Language.Diagnostics.Diagnostic? first = null;
        foreach (var d in renamed.Diagnostics)
        {
            if (d.Severity != Language.Diagnostics.DiagnosticSeverity.Error) continue;
            // An error the files already had names the symbol by its new name now: compared under its old one.
            string described = Describe(d).Replace("'" + newName + "'", "'" + oldName + "'");
            if (before.TryGetValue(described, out int count) && count > 0) before[described] = count - 1;
            else if (Array.IndexOf(TakenName, d.Code) >= 0) return $"{d.Location}: error {Describe(d)}";
            else first ??= d;
        }
        return first is null ? null : $"{first.Location}: error {Describe(first)}";
    }

    /// <summary>
    /// The errors that say the new name is taken: the cause, reported before its consequences elsewhere (a dimension
    /// renamed to a sibling's name is EMPS2001 in the space and EMPS3008 in every block that gives both).
    /// </summary>
    private static readonly string[] TakenName = { "EMPS1001", "EMPS2001", "EMPS1003" };
}

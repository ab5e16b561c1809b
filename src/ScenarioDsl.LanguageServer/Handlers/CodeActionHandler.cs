using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>textDocument/codeAction: a quick fix for every diagnostic in the range that carries a catalogue suggestion ("did you mean").</summary>
internal static class CodeActionHandler
{
    public static CodeAction[] Handle(WorkspaceSnapshot snapshot, CodeActionParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null || p!.Range is null) return Array.Empty<CodeAction>();
        if (p.Context?.Only is { Length: > 0 } only && !only.Any(k => k == "quickfix" || "quickfix".StartsWith(k + ".", StringComparison.Ordinal) || k == ""))
            return Array.Empty<CodeAction>();
        int start = doc.Offset(p.Range.Start), end = doc.Offset(p.Range.End);
        if (end < start) (start, end) = (end, start);
        var result = new List<CodeAction>();
        foreach (var d in snapshot.DiagnosticsOf(doc.Path))
        {
            if (d.Suggestion is null) continue;
            var span = d.Location.Span;
            if (span.End < start || span.Start > end) continue;
            var edit = new TextEdit(doc.Range(d.Suggestion.Span), d.Suggestion.NewText);
            result.Add(new CodeAction(
                d.Suggestion.Title, "quickfix", new[] { Conversions.ToLsp(d) }, IsPreferred: true,
                new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [doc.Uri] = new[] { edit } })));
        }
        return result.ToArray();
    }
}

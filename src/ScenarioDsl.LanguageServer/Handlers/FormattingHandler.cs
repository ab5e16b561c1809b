using ScenarioDsl.Language.Formatting;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>
/// textDocument/formatting: the same formatter as <c>emps fmt</c>, as one minimal edit. A document
/// with syntax errors gets no edits (it is never reformatted half-parsed).
/// </summary>
internal static class FormattingHandler
{
    public static TextEdit[] Handle(WorkspaceSnapshot snapshot, DocumentFormattingParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return Array.Empty<TextEdit>();
        var result = EmpsFormatter.Format(doc.Tree);
        if (result.Status != FormatStatus.Formatted || !result.Changed) return Array.Empty<TextEdit>();
        var change = EmpsFormatter.MinimalChange(doc.Text.Text, result.Text);
        return change is null ? Array.Empty<TextEdit>() : new[] { new TextEdit(doc.Range(change.Value.Span), change.Value.NewText) };
    }

    /// <summary>
    /// textDocument/rangeFormatting: the formatter's edits (between tokens) that touch the range, so
    /// formatting a selection changes nothing outside it.
    /// </summary>
    public static TextEdit[] HandleRange(WorkspaceSnapshot snapshot, DocumentRangeFormattingParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null || p!.Range is null) return Array.Empty<TextEdit>();
        int start = doc.Offset(p.Range.Start), end = doc.Offset(p.Range.End);
        var range = ScenarioDsl.Language.Text.TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
        return EmpsFormatter.Changes(doc.Tree, range).Select(c => new TextEdit(doc.Range(c.Span), c.NewText)).ToArray();
    }
}

using ScenarioDsl.Language.Syntax;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>textDocument/foldingRange: declaration bodies, multi-line entry blocks, comment runs and block comments.</summary>
internal static class FoldingRangeHandler
{
    public static FoldingRange[] Handle(WorkspaceSnapshot snapshot, FoldingRangeParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return Array.Empty<FoldingRange>();
        var text = doc.Text;
        var result = new List<FoldingRange>();

        void AddBraces(SyntaxToken open, SyntaxToken close)
        {
            if (open.IsMissing || close.IsMissing) return;
            int start = text.GetLinePosition(open.Span.Start).Line;
            int end = text.GetLinePosition(close.Span.Start).Line - 1;
            if (end > start) result.Add(new FoldingRange(start, end));
        }

        foreach (var d in doc.Tree.Root.Declarations.OfType<BlockDeclarationSyntax>())
        {
            AddBraces(d.OpenBrace, d.CloseBrace);
            foreach (var m in d.Members.OfType<EntriesMemberSyntax>()) AddBraces(m.OpenBrace, m.CloseBrace);
        }

        // Comments: a run of two or more own-line line comments, or a block comment over several lines.
        int runStart = -1, runEnd = -1;
        foreach (var token in doc.Tree.Root.DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.Kind == SyntaxKind.BlockComment)
                {
                    int s = text.GetLinePosition(trivia.Span.Start).Line, e = text.GetLinePosition(trivia.Span.End).Line;
                    if (e > s) result.Add(new FoldingRange(s, e, "comment"));
                }
                else if (trivia.Kind == SyntaxKind.LineComment)
                {
                    int line = text.GetLinePosition(trivia.Span.Start).Line;
                    bool ownLine = string.IsNullOrWhiteSpace(text.Text[text.GetLineSpan(line).Start..trivia.Span.Start]);
                    if (ownLine && runStart >= 0 && line == runEnd + 1) runEnd = line;
                    else
                    {
                        // A comment after code on its line ends the run: folding it would hide that code.
                        if (runEnd > runStart) result.Add(new FoldingRange(runStart, runEnd, "comment"));
                        runStart = runEnd = ownLine ? line : -1;
                    }
                }
            }
        }
        if (runStart >= 0 && runEnd > runStart) result.Add(new FoldingRange(runStart, runEnd, "comment"));
        return result.OrderBy(r => r.StartLine).ToArray();
    }
}

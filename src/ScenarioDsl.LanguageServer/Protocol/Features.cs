namespace ScenarioDsl.LanguageServer.Protocol;

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position)
    : TextDocumentPositionParams(TextDocument, Position);

/// <summary>CompletionItemKind values used here.</summary>
public static class CompletionItemKind
{
    public const int Keyword = 14;
    public const int Field = 5;
    public const int Class = 7;
    public const int Struct = 22;
    public const int Event = 23;
    public const int EnumMember = 20;
    public const int Module = 9;
    public const int Property = 10;
}

/// <summary>
/// A completion item. <see cref="TextEdit"/> replaces the partial token before the caret: an editor's own word range
/// stops at a <c>-</c>, so without it accepting <c>per-turn</c> after <c>per-</c> gave <c>per-per-turn</c>.
/// </summary>
public sealed record CompletionItem(string Label, int Kind, string? Detail = null, string? InsertText = null, string? SortText = null, TextEdit? TextEdit = null);

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext Context)
    : TextDocumentPositionParams(TextDocument, Position);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName)
    : TextDocumentPositionParams(TextDocument, Position);

public sealed record PrepareRenameResult(Range Range, string Placeholder);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

/// <summary>SymbolKind values used here.</summary>
public static class LspSymbolKind
{
    public const int Module = 2;
    public const int Namespace = 3;
    public const int Class = 5;
    public const int Property = 7;
    public const int Field = 8;
    public const int Enum = 10;
    public const int Interface = 11;
    public const int Function = 12;
    public const int Constant = 14;
    public const int String = 15;
    public const int Event = 24;
    public const int Struct = 23;
    public const int EnumMember = 22;
}

public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);

public sealed record FormattingOptions(int TabSize, bool InsertSpaces);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options);

public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, FormattingOptions? Options);

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public sealed record FoldingRange(int StartLine, int EndLine, string? Kind = null);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokens(int[] Data);

public sealed record CodeActionContext(LspDiagnostic[]? Diagnostics, string[]? Only);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context);

public sealed record CodeAction(string Title, string Kind, LspDiagnostic[]? Diagnostics, bool? IsPreferred, WorkspaceEdit Edit);

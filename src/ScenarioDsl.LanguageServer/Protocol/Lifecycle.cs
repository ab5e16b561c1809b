using System.Text.Json;

namespace ScenarioDsl.LanguageServer.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams(
    int? ProcessId,
    string? RootUri,
    string? RootPath,
    WorkspaceFolder[]? WorkspaceFolders,
    JsonElement? Capabilities,
    JsonElement? InitializationOptions);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions? Save);

public sealed record SaveOptions(bool IncludeText);

public sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full, bool Range);

public sealed record CodeActionOptions(string[] CodeActionKinds);

public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    CompletionOptions CompletionProvider,
    bool HoverProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    RenameOptions RenameProvider,
    bool DocumentSymbolProvider,
    bool DocumentFormattingProvider,
    bool DocumentRangeFormattingProvider,
    bool FoldingRangeProvider,
    SemanticTokensOptions SemanticTokensProvider,
    CodeActionOptions CodeActionProvider);

/// <summary>TextDocumentSyncKind.</summary>
public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

public sealed record ShowMessageParams(int Type, string Message);

/// <summary>MessageType: 1 error, 2 warning, 3 info, 4 log.</summary>
public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

/// <summary>A watched glob; <see cref="Kind"/> is a <see cref="WatchKind"/> combination (null: all three).</summary>
public sealed record FileWatcher(string GlobPattern, int? Kind = null);

/// <summary>The events a <see cref="FileWatcher"/> asks for.</summary>
public static class WatchKind
{
    public const int Create = 1;
    public const int Change = 2;
    public const int Delete = 4;
}

public sealed record DidChangeWatchedFilesRegistrationOptions(FileWatcher[] Watchers);

public sealed record Registration(string Id, string Method, object RegisterOptions);

public sealed record RegistrationParams(Registration[] Registrations);

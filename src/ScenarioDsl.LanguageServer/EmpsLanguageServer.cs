using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using ScenarioDsl.LanguageServer.Handlers;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;
using StreamJsonRpc;

namespace ScenarioDsl.LanguageServer;

/// <summary>Settings of one server instance.</summary>
public sealed record LanguageServerOptions
{
    /// <summary>
    /// How long diagnostics wait for typing to pause when changes arrive while a publication is
    /// pending or running (a change that finds the publisher idle is published at once).
    /// </summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Open documents longer than this (UTF-16 units; default 2 Mi) are kept in sync but not
    /// compiled, so one huge file cannot stall the server; the user is told once per document.
    /// </summary>
    public int MaxDocumentLength { get; init; } = 2 * 1024 * 1024;

    /// <summary>
    /// After <c>exit</c> or the end of the input, how long the server waits for the requests it has
    /// already received to be answered (responses written and flushed) before it ends anyway; the
    /// bound keeps a hung handler from keeping the process alive. Default 10 s, the grace
    /// <c>emps</c> gives every verb after Ctrl+C.
    /// </summary>
    public TimeSpan ExitTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The .emps language server: LSP 3.17 over JSON-RPC with Content-Length headers. Messages are
/// dispatched one at a time in arrival order (document changes are applied in order); requests
/// are answered from the workspace's current immutable snapshot.
/// </summary>
public sealed class EmpsLanguageServer : IDisposable
{
    private const int Uninitialized = 0, Running = 1, ShutDown = 2;

    private readonly JsonRpc _rpc;
    private readonly TolerantMessageHandler _handler;
    private readonly EmpsWorkspace _workspace;
    private readonly DiagnosticsPublisher _diagnostics;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _exitTimeout;
    private int _state;
    private int _exiting;
    private bool _registerWatchers;

    private EmpsLanguageServer(Stream input, Stream output, LanguageServerOptions options)
    {
        _workspace = new EmpsWorkspace(options.MaxDocumentLength);
        var formatter = new SystemTextJsonFormatter();
        ProtocolSerialization.Configure(formatter.JsonSerializerOptions);
        _exitTimeout = options.ExitTimeout;
        _handler = new TolerantMessageHandler(output, input, formatter, options.ExitTimeout);
        // The exit clock starts when `exit` is read, not when it is dispatched: dispatch waits for
        // every message before it, and one of them may never finish.
        _handler.Received = message =>
        {
            if (message is StreamJsonRpc.Protocol.JsonRpcRequest { IsNotification: true, Method: "exit" }) BeginExit();
        };
        _rpc = new EmpsJsonRpc(_handler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        _rpc.AddLocalRpcTarget(this, new JsonRpcTargetOptions { DisposeOnDisconnect = false, AllowNonPublicInvocation = false });
        _diagnostics = new DiagnosticsPublisher(() => _workspace.Current, SendDiagnosticsAsync, options.DiagnosticsDelay);
        // The end of the input: the handler has already waited for the received requests' answers.
        _rpc.Disconnected += (_, _) => _exit.TrySetResult(ExitCode);
    }

    /// <summary>Starts a server reading requests from <paramref name="input"/> and writing to <paramref name="output"/>.</summary>
    public static EmpsLanguageServer Start(Stream input, Stream output, LanguageServerOptions? options = null)
    {
        var server = new EmpsLanguageServer(input, output, options ?? new LanguageServerOptions());
        server._rpc.StartListening();
        return server;
    }

    /// <summary>
    /// Completes with the process exit code: 0 after shutdown then exit, 1 when the client left
    /// without shutdown. It completes only once the responses to every request received before
    /// <c>exit</c> (or the end of the input) are written and flushed, or after
    /// <see cref="LanguageServerOptions.ExitTimeout"/>, so a host can end the process right away.
    /// </summary>
    public Task<int> Completion => _exit.Task;

    internal EmpsWorkspace Workspace => _workspace;

    /// <summary>Incoming messages dropped because they were not readable JSON-RPC.</summary>
    public int DroppedMessages => _handler.DroppedMessages;

    internal DiagnosticsPublisher Diagnostics => _diagnostics;

    public void Dispose() => _rpc.Dispose();

    private Task SendDiagnosticsAsync(PublishDiagnosticsParams p) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", p);

    private int ExitCode => Volatile.Read(ref _state) == ShutDown ? 0 : 1;

    /// <summary>
    /// Ends the server after the requests received so far are answered (at most
    /// <see cref="LanguageServerOptions.ExitTimeout"/>): the exit code is decided then, so a
    /// <c>shutdown</c> sent before <c>exit</c> counts even when both arrive together.
    /// </summary>
    private void BeginExit()
    {
        if (Interlocked.Exchange(ref _exiting, 1) != 0) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await _handler.WhenAnsweredAsync().WaitAsync(_exitTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A handler that does not finish must not keep the process alive.
            }
            _exit.TrySetResult(ExitCode);
            _rpc.Dispose();
        });
    }

    private WorkspaceSnapshot Ready()
    {
        if (_state == Uninitialized) throw new LocalRpcException("the server is not initialized") { ErrorCode = ErrorCodes.ServerNotInitialized };
        if (_state == ShutDown) throw new LocalRpcException("the server is shut down") { ErrorCode = ErrorCodes.InvalidRequest };
        return _workspace.Current;
    }

    // ---- lifecycle -------------------------------------------------------------------------

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams p)
    {
        if (_state != Uninitialized) throw new LocalRpcException("initialize was already called") { ErrorCode = ErrorCodes.InvalidRequest };
        string? root = p.WorkspaceFolders?.FirstOrDefault()?.Uri ?? p.RootUri;
        root = root is not null ? DocumentUris.ToPath(root) : p.RootPath;
        if (root is not null && Directory.Exists(root)) _workspace.LoadFolder(root);
        _registerWatchers = SupportsDynamicWatchers(p.Capabilities);
        _state = Running;
        var capabilities = new ServerCapabilities(
            new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental, Save: new SaveOptions(false)),
            new CompletionOptions(new[] { " ", ":", ",", "{" }, ResolveProvider: false),
            HoverProvider: true,
            DefinitionProvider: true,
            ReferencesProvider: true,
            new RenameOptions(PrepareProvider: true),
            DocumentSymbolProvider: true,
            DocumentFormattingProvider: true,
            DocumentRangeFormattingProvider: true,
            FoldingRangeProvider: true,
            new SemanticTokensOptions(SemanticTokensHandler.Legend, Full: true, Range: false),
            new CodeActionOptions(new[] { "quickfix" }));
        return new InitializeResult(capabilities, new ServerInfo("emps", typeof(EmpsLanguageServer).Assembly.GetName().Version?.ToString() ?? "0"));
    }

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement? p)
    {
        if (_state != Running) return;
        if (_registerWatchers)
        {
            // Ask the client to report .emps and .globalconfig changes on disk, and folders created or deleted: a
            // client reports a deleted or moved folder as one event for the folder, not for the files in it (not
            // awaited: the answer comes back through this same dispatcher).
            var registration = new Registration("emps-watched-files", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions(new[]
                {
                    new FileWatcher("**/*.emps"), new FileWatcher("**/.globalconfig"),
                    new FileWatcher("**/*", WatchKind.Create | WatchKind.Delete),
                }));
            _ = _rpc.InvokeWithParameterObjectAsync<object?>("client/registerCapability", new RegistrationParams(new[] { registration }))
                .ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
        _diagnostics.Schedule();
    }

    private static bool SupportsDynamicWatchers(JsonElement? capabilities)
    {
        if (capabilities is not { ValueKind: JsonValueKind.Object } c) return false;
        return c.TryGetProperty("workspace", out var ws) && ws.ValueKind == JsonValueKind.Object
            && ws.TryGetProperty("didChangeWatchedFiles", out var w) && w.ValueKind == JsonValueKind.Object
            && w.TryGetProperty("dynamicRegistration", out var d) && d.ValueKind == JsonValueKind.True;
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        Ready();
        Volatile.Write(ref _state, ShutDown);
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => BeginExit(); // normally already begun when the notification was read

    // ---- documents -------------------------------------------------------------------------

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams p)
    {
        if (_state != Running || p?.TextDocument is null) return;
        var snapshot = _workspace.Open(p.TextDocument.Uri, p.TextDocument.Version, p.TextDocument.Text ?? "");
        WarnIfTooLarge(snapshot, p.TextDocument.Uri, wasTooLarge: false);
        _diagnostics.Schedule();
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams p)
    {
        if (_state != Running || p?.TextDocument is null || p.ContentChanges is null) return;
        bool wasTooLarge = _workspace.Current.OpenDocuments.TryGetValue(DocumentUris.ToPath(p.TextDocument.Uri), out var before) && before.TooLarge;
        var snapshot = _workspace.Change(p.TextDocument.Uri, p.TextDocument.Version, p.ContentChanges);
        if (snapshot is null) return;
        WarnIfTooLarge(snapshot, p.TextDocument.Uri, wasTooLarge);
        _diagnostics.Schedule();
    }

    private void WarnIfTooLarge(WorkspaceSnapshot snapshot, string uri, bool wasTooLarge)
    {
        if (wasTooLarge || !snapshot.OpenDocuments.TryGetValue(DocumentUris.ToPath(uri), out var doc) || !doc.TooLarge) return;
        _ = _rpc.NotifyWithParameterObjectAsync("window/showMessage", new ShowMessageParams(
            MessageType.Warning,
            $"{uri} has {doc.Text.Length:N0} characters, more than the language server's limit of {_workspace.MaxDocumentLength:N0}: it is not analysed."));
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams p)
    {
        if (_state != Running || p?.TextDocument is null) return;
        _workspace.Close(p.TextDocument.Uri);
        _diagnostics.Schedule();
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams p)
    {
        // The editor's text is already current; the .globalconfig files that apply to the document are read again, since
        // a client reports no changes to one above the workspace folder (it watches only the workspace).
        if (_state != Running || p?.TextDocument?.Uri is null) return;
        if (_workspace.Saved(p.TextDocument.Uri) is not null) _diagnostics.Schedule();
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams p)
    {
        if (_state != Running || p?.Changes is null) return;
        _workspace.FilesChanged(p.Changes);
        _diagnostics.Schedule();
    }

    // ---- features --------------------------------------------------------------------------

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public CompletionList OnCompletion(CompletionParams p) => CompletionHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? OnHover(TextDocumentPositionParams p) => HoverHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Location[] OnDefinition(TextDocumentPositionParams p) => DefinitionHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Location[] OnReferences(ReferenceParams p) => ReferencesHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/prepareRename", UseSingleObjectParameterDeserialization = true)]
    public PrepareRenameResult? OnPrepareRename(TextDocumentPositionParams p) => RenameHandler.Prepare(Ready(), p);

    [JsonRpcMethod("textDocument/rename", UseSingleObjectParameterDeserialization = true)]
    public WorkspaceEdit? OnRename(RenameParams p) => RenameHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public DocumentSymbol[] OnDocumentSymbols(DocumentSymbolParams p) => DocumentSymbolHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/formatting", UseSingleObjectParameterDeserialization = true)]
    public TextEdit[] OnFormatting(DocumentFormattingParams p) => FormattingHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/rangeFormatting", UseSingleObjectParameterDeserialization = true)]
    public TextEdit[] OnRangeFormatting(DocumentRangeFormattingParams p) => FormattingHandler.HandleRange(Ready(), p);

    [JsonRpcMethod("textDocument/foldingRange", UseSingleObjectParameterDeserialization = true)]
    public FoldingRange[] OnFoldingRanges(FoldingRangeParams p) => FoldingRangeHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/semanticTokens/full", UseSingleObjectParameterDeserialization = true)]
    public SemanticTokens OnSemanticTokensFull(SemanticTokensParams p) => SemanticTokensHandler.Handle(Ready(), p);

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public CodeAction[] OnCodeActions(CodeActionParams p) => CodeActionHandler.Handle(Ready(), p);
}

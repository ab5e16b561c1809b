using System.Text.Json;
using Nerdbank.Streams;
using ScenarioDsl.LanguageServer.Protocol;
using StreamJsonRpc;

namespace ScenarioDsl.LanguageServer.Tests;

/// <summary>
/// A language client in the same process as the server, over a pair of in-memory pipes: it sends
/// requests and notifications and records the diagnostics the server publishes.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, PublishDiagnosticsParams> _latest = new(StringComparer.Ordinal);
    private readonly List<PublishDiagnosticsParams> _all = new();
    private readonly List<ShowMessageParams> _messages = new();
    private readonly List<JsonElement> _registrations = new();

    public IReadOnlyList<JsonElement> Registrations
    {
        get { lock (_gate) return _registrations.ToList(); }
    }
    private readonly SemaphoreSlim _published = new(0, int.MaxValue);

    private LspTestClient(EmpsLanguageServer server, JsonRpc rpc)
    {
        Server = server;
        Rpc = rpc;
    }

    public EmpsLanguageServer Server { get; }

    public JsonRpc Rpc { get; }

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<LspTestClient> StartAsync(string? root = null, bool initialize = true, TimeSpan? delay = null, bool dynamicWatchers = false)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        var server = EmpsLanguageServer.Start(serverStream, serverStream, new LanguageServerOptions { DiagnosticsDelay = delay ?? TimeSpan.FromMilliseconds(5) });
        var formatter = new SystemTextJsonFormatter();
        ProtocolSerialization.Configure(formatter.JsonSerializerOptions);
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        var client = new LspTestClient(server, rpc);
        rpc.AddLocalRpcTarget(new ClientTarget(client));
        rpc.StartListening();
        if (initialize) await client.InitializeAsync(root, dynamicWatchers);
        return client;
    }

    public async Task<InitializeResult> InitializeAsync(string? root, bool dynamicWatchers = false)
    {
        var result = await RequestAsync<InitializeResult>("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = root is null ? null : new Uri(root).AbsoluteUri,
            capabilities = dynamicWatchers
                ? (object)new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true } } }
                : new { },
        });
        await NotifyAsync("initialized", new { });
        return result;
    }

    public Task<T> RequestAsync<T>(string method, object? argument) =>
        Rpc.InvokeWithParameterObjectAsync<T>(method, argument).WaitAsync(Timeout);

    public Task NotifyAsync(string method, object? argument) => Rpc.NotifyWithParameterObjectAsync(method, argument);

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "emps", version, text)));

    public Task ChangeAsync(string uri, int version, params TextDocumentContentChangeEvent[] changes) =>
        NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), changes));

    public Task ReplaceAsync(string uri, int version, string text) => ChangeAsync(uri, version, new TextDocumentContentChangeEvent(null, null, text));

    public Task CloseAsync(string uri) => NotifyAsync("textDocument/didClose", new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));

    public PublishDiagnosticsParams? Latest(string uri)
    {
        lock (_gate) return _latest.TryGetValue(uri, out var p) ? p : null;
    }

    public IReadOnlyList<PublishDiagnosticsParams> All
    {
        get { lock (_gate) return _all.ToList(); }
    }

    public IReadOnlyList<ShowMessageParams> Messages
    {
        get { lock (_gate) return _messages.ToList(); }
    }

    /// <summary>Waits until the latest diagnostics published for <paramref name="uri"/> satisfy the condition.</summary>
    public async Task<PublishDiagnosticsParams> WaitForDiagnosticsAsync(string uri, Func<PublishDiagnosticsParams, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var latest = Latest(uri);
            if (latest is not null && condition(latest)) return latest;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no matching diagnostics for {uri}; latest (version {latest?.Version}): {(latest is null ? "none" : string.Join("; ", latest.Diagnostics.Select(d => d.Code + " " + d.Message)))}");
            await _published.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// Waits until a <c>window/showMessage</c> satisfying the condition has arrived: a notification may reach the client
    /// after the responses to requests sent later, and the client dispatches it on its own.
    /// </summary>
    public async Task<ShowMessageParams> WaitForMessageAsync(Func<ShowMessageParams, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var found = Messages.FirstOrDefault(condition);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no matching window/showMessage; received: {string.Join("; ", Messages.Select(m => m.Type + " " + m.Message))}");
            await _published.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private void OnPublish(PublishDiagnosticsParams p)
    {
        lock (_gate)
        {
            _latest[p.Uri] = p;
            _all.Add(p);
        }
        _published.Release();
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        Server.Dispose();
        await Task.CompletedTask;
    }

    private sealed class ClientTarget
    {
        private readonly LspTestClient _client;

        public ClientTarget(LspTestClient client) => _client = client;

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(PublishDiagnosticsParams p) => _client.OnPublish(p);

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public object? RegisterCapability(JsonElement p)
        {
            lock (_client._gate) _client._registrations.Add(p.Clone());
            _client._published.Release();
            return null;
        }

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(ShowMessageParams p)
        {
            lock (_client._gate) _client._messages.Add(p);
            _client._published.Release();
        }

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JsonElement p)
        {
        }
    }
}

/// <summary>A temporary workspace folder with .emps files, deleted afterwards.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(params (string Name, string Text)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "emps-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (name, text) in files) Write(name, text);
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string UriOf(string name) => new Uri(PathOf(name)).AbsoluteUri;

    public void Write(string name, string text)
    {
        string path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

using ScenarioDsl.LanguageServer.Protocol;
using StreamJsonRpc;

namespace ScenarioDsl.LanguageServer.Tests;

public class LifecycleTests
{
    [Fact]
    public async Task Initialize_announces_incremental_sync_and_every_feature()
    {
        await using var client = await LspTestClient.StartAsync(initialize: false);
        var result = await client.InitializeAsync(null);
        var caps = result.Capabilities;
        Assert.Equal(TextDocumentSyncKind.Incremental, caps.TextDocumentSync.Change);
        Assert.True(caps.TextDocumentSync.OpenClose);
        Assert.True(caps.HoverProvider && caps.DefinitionProvider && caps.ReferencesProvider && caps.DocumentSymbolProvider);
        Assert.True(caps.DocumentFormattingProvider && caps.FoldingRangeProvider);
        Assert.True(caps.RenameProvider.PrepareProvider);
        Assert.Contains("keyword", caps.SemanticTokensProvider.Legend.TokenTypes);
        Assert.Contains("quickfix", caps.CodeActionProvider.CodeActionKinds);
        Assert.Equal("emps", result.ServerInfo.Name);
    }

    [Fact]
    public async Task Requests_before_initialize_fail_with_server_not_initialized()
    {
        await using var client = await LspTestClient.StartAsync(initialize: false);
        var e = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            client.RequestAsync<object>("textDocument/hover", new { textDocument = new { uri = "file:///x.emps" }, position = new { line = 0, character = 0 } }));
        Assert.Equal(ErrorCodes.ServerNotInitialized, e.ErrorCode);
        await client.InitializeAsync(null);
        var again = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.InitializeAsync(null));
        Assert.Equal(ErrorCodes.InvalidRequest, again.ErrorCode);
    }

    [Fact]
    public async Task Watched_files_are_registered_when_the_client_supports_dynamic_registration()
    {
        await using var plain = await LspTestClient.StartAsync();
        await using var client = await LspTestClient.StartAsync(dynamicWatchers: true);
        var deadline = DateTime.UtcNow + LspTestClient.Timeout;
        while (client.Registrations.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        var registration = Assert.Single(client.Registrations).GetProperty("registrations")[0];
        Assert.Equal("workspace/didChangeWatchedFiles", registration.GetProperty("method").GetString());
        var globs = registration.GetProperty("registerOptions").GetProperty("watchers").EnumerateArray().Select(w => w.GetProperty("globPattern").GetString()).ToList();
        Assert.Contains("**/*.emps", globs);
        // Folders come and go as one event for the folder (VS Code never reports the files in it): created and deleted
        // paths of every name are watched (kind 1 | 4), changes to other files are not.
        var folders = Assert.Single(registration.GetProperty("registerOptions").GetProperty("watchers").EnumerateArray(), w => w.GetProperty("globPattern").GetString() == "**/*");
        Assert.Equal(1 | 4, folders.GetProperty("kind").GetInt32());
        // A client without dynamic registration is not asked (a request round trip first).
        await plain.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier("untitled:x")));
        Assert.Empty(plain.Registrations);
    }

    [Fact]
    public async Task Shutdown_then_exit_completes_with_code_0()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.RequestAsync<object?>("shutdown", null);
        var e = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            client.RequestAsync<object>("textDocument/documentSymbol", new { textDocument = new { uri = "file:///x.emps" } }));
        Assert.Equal(ErrorCodes.InvalidRequest, e.ErrorCode);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.Server.Completion.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Exit_without_shutdown_completes_with_code_1()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.Server.Completion.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Client_disconnect_ends_the_server()
    {
        var client = await LspTestClient.StartAsync();
        client.Rpc.Dispose();
        Assert.Equal(1, await client.Server.Completion.WaitAsync(LspTestClient.Timeout));
        client.Server.Dispose();
    }
}

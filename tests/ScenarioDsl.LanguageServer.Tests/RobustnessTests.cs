using System.Text;
using System.Text.Json;
using Nerdbank.Streams;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;
using StreamJsonRpc;

namespace ScenarioDsl.LanguageServer.Tests;

public class RobustnessTests
{
    [Fact]
    public async Task Malformed_messages_get_an_error_or_are_ignored_and_the_server_keeps_serving()
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        using var server = EmpsLanguageServer.Start(serverStream, serverStream);
        var raw = new RawConnection(clientStream);

        await raw.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""");
        Assert.True((await raw.ReadResponseAsync(1)).TryGetProperty("result", out _));

        await raw.SendAsync("{not json at all");
        await raw.SendAsync("""{"foo": 1}""");
        await raw.SendAsync("[1, 2, 3]");
        await raw.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":5,"position":"x"}}""");
        var wrongParams = await raw.ReadResponseAsync(2);
        Assert.True(wrongParams.TryGetProperty("error", out _));

        await raw.SendAsync("""{"jsonrpc":"2.0","id":3,"method":"no/suchMethod","params":{}}""");
        var unknown = await raw.ReadResponseAsync(3);
        Assert.Equal(-32601, unknown.GetProperty("error").GetProperty("code").GetInt32());

        await raw.SendAsync("""{"jsonrpc":"2.0","method":"$/unknownNotification","params":{}}""");
        await raw.SendAsync("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///never/opened.emps","version":3},"contentChanges":[{"text":"x"}]}}""");
        await raw.SendAsync("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.emps"}}}""");

        await raw.SendAsync("""{"jsonrpc":"2.0","id":4,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///x.emps"}}}""");
        var symbols = await raw.ReadResponseAsync(4);
        Assert.True(symbols.TryGetProperty("result", out _), symbols.ToString());

        Assert.True(server.DroppedMessages >= 2, $"dropped {server.DroppedMessages}");

        await raw.SendAsync("""{"jsonrpc":"2.0","id":5,"method":"shutdown"}""");
        Assert.True((await raw.ReadResponseAsync(5)).TryGetProperty("result", out _));
        await raw.SendAsync("""{"jsonrpc":"2.0","method":"exit"}""");
        Assert.Equal(0, await server.Completion.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Positions_outside_the_document_are_clamped_for_every_request()
    {
        await using var client = await LspTestClient.StartAsync();
        const string uri = "untitled:a.emps";
        await client.OpenAsync(uri, Samples.People);
        var doc = new TextDocumentIdentifier(uri);
        foreach (var pos in new[] { new Position(-1, -1), new Position(0, 10_000), new Position(10_000, 0), new Position(int.MaxValue, int.MaxValue) })
        {
            await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(doc, pos));
            await client.RequestAsync<Location[]>("textDocument/definition", new TextDocumentPositionParams(doc, pos));
            await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(doc, pos));
            await client.RequestAsync<Location[]>("textDocument/references", new ReferenceParams(doc, pos, new ReferenceContext(true)));
            await client.RequestAsync<PrepareRenameResult?>("textDocument/prepareRename", new TextDocumentPositionParams(doc, pos));
            await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(doc, new Range(pos, new Position(0, 0)), null));
            await client.ChangeAsync(uri, 100 + pos.Line % 50 + Math.Abs(pos.Character % 7) + (pos.Line == int.MaxValue ? 60 : 0),
                new TextDocumentContentChangeEvent(new Range(pos, pos), null, ""));
        }
        var symbols = await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(doc));
        Assert.Equal(3, symbols.Length);
    }

    [Theory]
    [InlineData("textDocument/hover", "{\"textDocument\":5,\"position\":{\"line\":0,\"character\":0}}")]
    [InlineData("textDocument/hover", "{\"textDocument\":{\"uri\":\"untitled:a.emps\"},\"position\":\"x\"}")]
    [InlineData("textDocument/rename", "{\"textDocument\":{\"uri\":\"untitled:a.emps\"},\"position\":{\"line\":0,\"character\":0},\"newName\":7}")]
    public async Task Parameters_of_the_wrong_shape_are_invalid_params_without_the_servers_internals(string method, string parameters)
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync("untitled:a.emps", Samples.Space);

        var error = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => client.RequestAsync<JsonElement?>(method, JsonDocument.Parse(parameters).RootElement));

        Assert.Equal(StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams, error.ErrorCode);
        Assert.StartsWith($"invalid parameters for '{method}': ", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
        Assert.Null((error as RemoteInvocationException)?.ErrorData);
        // The server goes on serving.
        Assert.Equal(2, (await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier("untitled:a.emps")))).Length); // the space and the cues
    }

    [Fact]
    public async Task A_10_MB_document_is_kept_in_sync_but_not_analysed_and_the_server_keeps_serving()
    {
        await using var client = await LspTestClient.StartAsync();
        const string uri = "untitled:big.emps";
        var sb = new StringBuilder(Samples.Space);
        while (sb.Length < 10 * 1024 * 1024)
            sb.Append("\nscenario S { persona P goal G seed 1 } // padding padding padding padding padding padding");
        string text = sb.ToString();
        await client.OpenAsync(uri, text);
        var doc = new TextDocumentIdentifier(uri);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(doc)));
        Assert.Null(await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(doc, new Position(1, 3))));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        await client.WaitForMessageAsync(m => m.Type == MessageType.Warning && m.Message.Contains("not analysed", StringComparison.Ordinal));

        // Cut it down below the limit with an incremental edit: it is analysed again.
        var source = SourceText.From(text);
        var cut = Conversions.ToPosition(source, Samples.Space.Length);
        var end = Conversions.ToPosition(source, text.Length);
        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent(new Range(cut, end), null, "\nscenario S { persona P goal G }\n"));
        var symbols = await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(doc));
        Assert.Equal(3, symbols.Length);
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS1002"));
    }

    [Fact]
    public async Task Files_on_disk_over_the_limit_are_left_out_of_the_compilation()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space), ("huge.emps", "persona Huge in Mood { start { calm: 0, trust: 0 } }\n" + new string(' ', 3 * 1024 * 1024)));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        var paths = client.Server.Workspace.Current.Compilation.SyntaxTrees.Select(t => Path.GetFileName(t.Path)).ToList();
        Assert.Equal(new[] { "space.emps" }, paths);
    }

    [Fact]
    public async Task A_named_pipe_called_emps_in_the_workspace_does_not_stop_the_folder_load()
    {
        if (OperatingSystem.IsWindows()) return; // no mkfifo
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        string pipe = ws.PathOf("stray.emps");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe])) await mkfifo.WaitForExitAsync();
        var workspace = new EmpsWorkspace();

        var load = Task.Run(() => workspace.LoadFolder(ws.Root));
        bool finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30))) == load;
        if (!finished)
        {
            using (new FileStream(pipe, FileMode.Open, FileAccess.Write)) { } // let the blocked open() return
            await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(10)));
        }

        Assert.True(finished, "the folder load waited on the pipe");
        Assert.Contains("space.emps", workspace.Current.Compilation.SyntaxTrees.Select(t => Path.GetFileName(t.Path)));
    }

    [Fact]
    public async Task Typing_every_prefix_one_character_at_a_time_leaves_no_stuck_diagnostics()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root, delay: TimeSpan.FromMilliseconds(2));
        string uri = ws.UriOf("people.emps");
        string target = Samples.People + Samples.BrokenPeople.Replace("Worrier", "Other");
        await client.OpenAsync(uri, "");
        var source = SourceText.From("");
        int version = 1;
        var doc = new TextDocumentIdentifier(uri);
        for (int k = 0; k < target.Length; k++)
        {
            // Insert the next character at the end, as a user types (a surrogate pair is one
            // keystroke); every 7th prefix also asks for completion, hover and semantic tokens.
            var end = Conversions.ToPosition(source, source.Length);
            int width = char.IsHighSurrogate(target[k]) ? 2 : 1;
            await client.ChangeAsync(uri, ++version, new TextDocumentContentChangeEvent(new Range(end, end), 0, target.Substring(k, width)));
            k += width - 1;
            source = source.WithText(target.Substring(0, k + 1));
            if (k % 7 == 0)
            {
                await client.RequestAsync<CompletionList>("textDocument/completion", new CompletionParams(doc, end));
                await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(doc, end));
                await client.RequestAsync<SemanticTokens>("textDocument/semanticTokens/full", new SemanticTokensParams(doc));
            }
        }
        // Messages are handled in arrival order: once this request is answered, every change is applied.
        await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(doc));
        Assert.Equal(target, client.Server.Workspace.Current.OpenDocuments.Values.Single().Text.Text);

        var expected = EmpsCompilation.Create(new[] { SourceText.From(Samples.Space, ws.PathOf("space.emps")), SourceText.From(target, ws.PathOf("people.emps")) })
            .Diagnostics.Where(d => d.Location.Path == ws.PathOf("people.emps"))
            .Select(d => $"{d.Code}@{d.Location.LineSpan.Start.Line}:{d.Location.LineSpan.Start.Character}").OrderBy(x => x).ToList();
        Assert.NotEmpty(expected);
        await client.WaitForDiagnosticsAsync(uri, p =>
            p.Diagnostics.Select(d => $"{d.Code}@{d.Range.Start.Line}:{d.Range.Start.Character}").OrderBy(x => x).SequenceEqual(expected));
    }

    /// <summary>Content-Length framed JSON written and read by hand, to send what no JSON-RPC library would.</summary>
    private sealed class RawConnection
    {
        private readonly Stream _stream;

        public RawConnection(Stream stream) => _stream = stream;

        public async Task SendAsync(string body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n");
            await _stream.WriteAsync(header);
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
        }

        /// <summary>Reads messages until the response with <paramref name="id"/> (notifications and other responses are skipped).</summary>
        public async Task<JsonElement> ReadResponseAsync(int id)
        {
            using var cts = new CancellationTokenSource(LspTestClient.Timeout);
            while (true)
            {
                var message = await ReadMessageAsync(cts.Token);
                if (message.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id) return message;
            }
        }

        private async Task<JsonElement> ReadMessageAsync(CancellationToken cancellation)
        {
            int length = -1;
            while (true)
            {
                string line = await ReadLineAsync(cancellation);
                if (line.Length == 0) break;
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            byte[] body = new byte[length];
            await _stream.ReadExactlyAsync(body, cancellation);
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        private async Task<string> ReadLineAsync(CancellationToken cancellation)
        {
            var sb = new StringBuilder();
            byte[] one = new byte[1];
            while (true)
            {
                await _stream.ReadExactlyAsync(one, cancellation);
                if (one[0] == '\n') return sb.ToString().TrimEnd('\r');
                sb.Append((char)one[0]);
            }
        }
    }
}

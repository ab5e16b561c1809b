using ScenarioDsl.Language.Formatting;
using ScenarioDsl.LanguageServer.Protocol;

namespace ScenarioDsl.LanguageServer.Tests;

/// <summary>
/// The server's copy of a document is the editor's, character for character, and the workspace compiles its files in
/// path order whatever order they were opened, created or announced in (as `emps check` and a build do).
/// </summary>
public class EditorTextTests
{
    private const string WithBom = "\uFEFFspace Mood{calm [0,1]}\n";

    [Fact]
    public async Task A_leading_U_FEFF_is_kept_in_sync_so_formatting_edits_address_the_editors_text()
    {
        await using var client = await LspTestClient.StartAsync();
        const string uri = "untitled:bom.emps";
        await client.OpenAsync(uri, WithBom);

        var edits = await client.RequestAsync<TextEdit[]>("textDocument/formatting", new DocumentFormattingParams(new TextDocumentIdentifier(uri), null));

        // Applied to the editor's text, the edits give the formatted text: nothing lost, nothing out of place (before,
        // they were one column early on line 0 and gave "space Moo {...]}"). The U+FEFF itself is whitespace to the
        // language and goes, like any leading whitespace (a file's byte-order mark is the editor's to keep).
        string applied = FeatureTests.ApplyAll(WithBom, edits);
        Assert.Equal("space Mood {\n  calm [0, 1]\n}\n", applied);
        Assert.Equal(EmpsFormatter.Format(WithBom["\uFEFF".Length..]).Text, applied);
    }

    [Fact]
    public async Task Incremental_edits_on_the_first_line_after_a_U_FEFF_land_where_the_editor_made_them()
    {
        await using var client = await LspTestClient.StartAsync();
        const string uri = "untitled:bom.emps";
        await client.OpenAsync(uri, WithBom + "persona P in Nowhere { start { calm: 0 } says \"x\" }\n");
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS1002"));

        // After the U+FEFF (character 1): the editor now holds "\uFEFF// space Mood...", a comment.
        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent(new Range(new Position(0, 1), new Position(0, 1)), null, "// "));

        var published = await client.WaitForDiagnosticsAsync(uri, p => p.Version == 2);
        Assert.DoesNotContain(published.Diagnostics, d => d.Code == "EMPS0001");
        // The space is commented out, so the persona's space is unknown, where the editor shows it (line 1).
        Assert.Contains(published.Diagnostics, d => d.Code == "EMPS1002" && d.Range.Start.Line == 1);
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(1, 9)));
        Assert.NotNull(hover);
    }

    [Fact]
    public async Task A_file_created_on_disk_takes_its_place_in_path_order_like_a_fresh_start()
    {
        const string duplicate = "persona Worrier in Mood {\n  start { calm: 0.2, trust: 0 }\n  says \"x\"\n}\n";
        using var ws = new TempWorkspace(("space.emps", Samples.Space), ("people.emps", Samples.People));
        string uri = ws.UriOf("people.emps");
        List<string> announced;
        await using (var client = await LspTestClient.StartAsync(ws.Root))
        {
            await client.OpenAsync(uri, Samples.People);
            await client.WaitForDiagnosticsAsync(uri, p => !p.Diagnostics.Any(d => d.Code == "EMPS1001"));
            ws.Write("dup.emps", duplicate); // sorts before people.emps: its Worrier is the first
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("dup.emps"), 1) }));
            var published = await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS1001"));
            announced = published.Diagnostics.Select(d => $"{d.Code} {d.Range.Start.Line}:{d.Range.Start.Character} {d.Message}").Order(StringComparer.Ordinal).ToList();
        }

        await using var fresh = await LspTestClient.StartAsync(ws.Root);
        await fresh.OpenAsync(uri, Samples.People);
        var atStart = await fresh.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS1001"));
        Assert.Equal(atStart.Diagnostics.Select(d => $"{d.Code} {d.Range.Start.Line}:{d.Range.Start.Character} {d.Message}").Order(StringComparer.Ordinal), announced);
        Assert.Contains(announced, d => d.StartsWith("EMPS1001", StringComparison.Ordinal) && d.Contains("dup.emps", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_position_past_the_end_of_a_line_means_the_end_of_that_line_not_past_its_line_break(string newline)
    {
        // LSP: "If the character value is greater than the line length it defaults back to the line length." A
        // change to the end of line 0 with a generous end character used to delete the line break too (and, on a CRLF
        // line, a character between \r and \n split the pair), so the server's copy lost a line the editor still had.
        string text = $"space A {{{newline}  x [0, 1]{newline}}}{newline}";
        await using var client = await LspTestClient.StartAsync();
        const string uri = "untitled:eol.emps";
        await client.OpenAsync(uri, text);
        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent(new Range(new Position(0, 8), new Position(0, 500)), null, "{ // a"));
        await client.ChangeAsync(uri, 3, new TextDocumentContentChangeEvent(new Range(new Position(1, 10), new Position(1, 11)), null, " // b"));

        // Messages are handled in order, so once this answers the changes are applied.
        var hover = await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(1, 2)));
        Assert.Equal($"space A {{ // a{newline}  x [0, 1] // b{newline}}}{newline}", client.Server.Workspace.Current.OpenDocuments.Values.Single().Text.Text);
        Assert.NotNull(hover);
    }

    [Fact]
    public async Task Files_in_bin_obj_node_modules_and_hidden_folders_stay_out_after_a_close_or_a_watched_file_event()
    {
        // The folders `emps check` and the initial load skip: a build's copy in bin/ would declare every name twice.
        using var ws = new TempWorkspace(("space.emps", Samples.Space), ("bin/Debug/space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string copy = ws.UriOf("bin/Debug/space.emps");
        await client.OpenAsync(copy, Samples.Space); // opened on purpose: compiled on its own while open
        await client.CloseAsync(copy);
        foreach (var name in new[] { "obj/x.emps", "node_modules/pkg/x.emps", ".git/x.emps", "sub/.cache/x.emps" })
        {
            ws.Write(name, Samples.Space);
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf(name), 1) }));
        }
        ws.Write("sub/more.emps", "space Other { x [0, 1] }\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("sub/more.emps"), 1) }));

        // Messages are handled in order, so once this answers every notification above is applied.
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(copy), new Position(0, 0)));
        var compiled = client.Server.Workspace.Current.Compilation.SyntaxTrees.Select(t => Path.GetRelativePath(ws.Root, t.Path).Replace('\\', '/'));
        Assert.Equal(new[] { "space.emps", "sub/more.emps" }, compiled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_folder_deleted_or_created_on_disk_as_one_event_takes_its_files_along()
    {
        // VS Code reports a deleted (or moved) folder as one event for the folder, never for the files in it; the
        // files stayed in the compilation and their declarations kept resolving (and clashed with the moved copies).
        using var ws = new TempWorkspace(("space.emps", Samples.Space), ("people/worrier.emps", Samples.People), ("people/deep/more.emps", "cues {\n  hello \"hi\"\n}\n"));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string uri = ws.UriOf("space.emps");
        await client.OpenAsync(uri, Samples.Space);

        Directory.Move(ws.PathOf("people"), ws.PathOf("moved"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("people"), 3) }));
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(0, 0)));
        Assert.Equal(new[] { "space.emps" }, Compiled(client, ws));

        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("moved"), 1) }));
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(0, 0)));
        Assert.Equal(new[] { "moved/deep/more.emps", "moved/worrier.emps", "space.emps" }, Compiled(client, ws));

        // A new folder in a skipped place (a build's output) stays out, like at the start.
        Directory.CreateDirectory(ws.PathOf("bin"));
        Directory.Move(ws.PathOf("moved"), ws.PathOf("bin/moved"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("moved"), 3), new FileEvent(ws.UriOf("bin/moved"), 1) }));
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(0, 0)));
        Assert.Equal(new[] { "space.emps" }, Compiled(client, ws));
    }

    private static IEnumerable<string> Compiled(LspTestClient client, TempWorkspace ws) =>
        client.Server.Workspace.Current.Compilation.SyntaxTrees.Select(t => Path.GetRelativePath(ws.Root, t.Path).Replace('\\', '/')).Order(StringComparer.Ordinal);

    [Fact]
    public async Task The_workspace_reads_the_files_emps_check_reads_no_hidden_files_no_linked_folders()
    {
        // `emps check .` skips hidden files and does not follow symbolic links to folders (a link loop would make the
        // walk endless); the server read both, so it saw declarations twice that the build does not see at all.
        using var ws = new TempWorkspace(("space.emps", Samples.Space), (".draft.emps", Samples.Space), ("lib/extra.emps", "cues {\n  hello \"hi\"\n}\n"));
        Directory.CreateSymbolicLink(ws.PathOf("shared"), ws.PathOf("lib"));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        Assert.Equal(new[] { "lib/extra.emps", "space.emps" }, Compiled(client, ws));

        // The same for a watched-file event naming a hidden file.
        ws.Write(".other.emps", Samples.Space);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf(".other.emps"), 1) }));
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(ws.UriOf("space.emps")), new Position(0, 0)));
        Assert.Equal(new[] { "lib/extra.emps", "space.emps" }, Compiled(client, ws));
    }

    [Theory]
    [InlineData("../elsewhere/space.emps")]  // a copy outside the workspace folder (another checkout, a colleague's file)
    [InlineData("bin/Debug/space.emps")]     // a build's copy, in a folder the workspace skips
    [InlineData("untitled:Untitled-1")]      // a new buffer the user pasted the file into
    public async Task A_document_outside_the_workspace_is_compiled_on_its_own(string where)
    {
        // It joined the workspace's compilation while open, so a copy of a workspace file gave every declaration of the
        // real file EMPS1001 (already declared, at the copy; the copy sorted first) and the copy none: the user's files
        // showed errors `emps check .` does not have, because of a file they only looked at.
        using var ws = new TempWorkspace(("ws/space.emps", Samples.Space), ("elsewhere/space.emps", Samples.Space), ("ws/bin/Debug/space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.PathOf("ws"));
        string real = ws.UriOf("ws/space.emps");
        string copy = where.StartsWith("untitled:", StringComparison.Ordinal) ? where : ws.UriOf("ws/" + where);
        await client.OpenAsync(real, Samples.Space);
        await client.OpenAsync(copy, Samples.Space);
        await client.OpenAsync(ws.UriOf("ws/people.emps"), Samples.People);

        // The copy is checked as `emps check` checks it alone: its own declarations (unused there: EMPS4001), no clash.
        await client.WaitForDiagnosticsAsync(copy, p => p.Diagnostics.Length > 0 && p.Diagnostics.All(d => d.Code == "EMPS4001"));
        await client.WaitForDiagnosticsAsync(ws.UriOf("ws/people.emps"), p => p.Diagnostics.Length == 0);
        // Each open document's publication is its own notification: wait for the real file's too, not only read it.
        await client.WaitForDiagnosticsAsync(real, p => p.Diagnostics.Length == 0);
        var definition = await client.RequestAsync<Location[]>("textDocument/definition",
            new TextDocumentPositionParams(new TextDocumentIdentifier(copy), new Position(6, 4))); // 'validation' in the copy
        Assert.Equal(copy, Assert.Single(definition).Uri);
        var references = await client.RequestAsync<Location[]>("textDocument/references",
            new ReferenceParams(new TextDocumentIdentifier(real), new Position(1, 3), new ReferenceContext(true))); // 'calm'
        Assert.DoesNotContain(references, l => l.Uri == copy);

        // Edited, it stays on its own: a name the workspace declares is unknown to it, and its changes do not reach the workspace.
        await client.ReplaceAsync(copy, 2, "persona Solo in Mood {\n  start { calm: 0 }\n  says \"Hm.\"\n}\n");
        await client.WaitForDiagnosticsAsync(copy, p => p.Diagnostics.Any(d => d.Code == "EMPS1002" && d.Message.Contains("'Mood'")));
        await client.CloseAsync(copy);
        await client.WaitForDiagnosticsAsync(copy, p => p.Diagnostics.Length == 0);
        Assert.Empty(client.Latest(real)!.Diagnostics);
        Assert.Equal(new[] { "people.emps", "space.emps" },
            client.Server.Workspace.Current.Compilation.SyntaxTrees.Select(t => Path.GetFileName(t.Path)).Order(StringComparer.Ordinal));
        Assert.Empty(client.Server.Workspace.Current.Loose);
    }
}

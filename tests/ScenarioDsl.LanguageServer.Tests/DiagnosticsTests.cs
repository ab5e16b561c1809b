using ScenarioDsl.LanguageServer.Protocol;

namespace ScenarioDsl.LanguageServer.Tests;

public class DiagnosticsTests
{
    [Fact]
    public async Task Broken_file_gets_catalogue_diagnostics_at_utf16_positions_and_a_fix_clears_them()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string uri = ws.UriOf("people.emps");
        await client.OpenAsync(uri, Samples.BrokenPeople);

        var published = await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS2003"));
        var d = published.Diagnostics.Single(x => x.Code == "EMPS2003");
        Assert.Equal(LspDiagnosticSeverity.Error, d.Severity);
        Assert.Equal(new Position(3, 28), d.Range.Start);
        Assert.Equal(new Position(3, 32), d.Range.End);
        Assert.Contains("clam", d.Message);
        Assert.Equal(1, published.Version);

        // Incremental edit: replace 'clam' by 'calm' (a range in UTF-16 units, after the emoji).
        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent(new Range(new Position(3, 28), new Position(3, 32)), 4, "calm"));
        var fixedUp = await client.WaitForDiagnosticsAsync(uri, p => p.Version == 2 || p.Diagnostics.All(x => x.Code != "EMPS2003"));
        Assert.DoesNotContain(fixedUp.Diagnostics, x => x.Severity == LspDiagnosticSeverity.Error);
    }

    [Fact]
    public async Task Syntax_errors_are_published_and_cleared_on_close()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string uri = ws.UriOf("draft.emps");
        await client.OpenAsync(uri, "scenario S {\n  persona\n");
        var published = await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS0001"));
        Assert.All(published.Diagnostics, d => Assert.Equal("emps", d.Source));

        await client.CloseAsync(uri);
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Length == 0);
    }

    [Fact]
    public async Task A_burst_of_changes_is_debounced_into_few_publications_of_the_last_version()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root, delay: TimeSpan.FromMilliseconds(1000));
        string uri = ws.UriOf("people.emps");
        await client.OpenAsync(uri, Samples.People);
        await client.WaitForDiagnosticsAsync(uri, p => p.Version == 1);
        int before = client.All.Count(p => p.Uri == uri);

        // 30 changes in a burst, each toggling an error on and off, ending with the error.
        for (int v = 2; v <= 31; v++)
            await client.ReplaceAsync(uri, v, v % 2 == 1 ? Samples.People.Replace("calm += 0.2", "clam += 0.2") : Samples.People);
        await client.WaitForDiagnosticsAsync(uri, p => p.Version == 31);
        await Task.Delay(1200);
        int published = client.All.Count(p => p.Uri == uri) - before;
        Assert.InRange(published, 1, 5);
        var latest = client.Latest(uri)!;
        Assert.Equal(31, latest.Version);
        Assert.Contains(latest.Diagnostics, d => d.Code == "EMPS2003");
    }

    [Fact]
    public async Task Names_resolve_across_files_including_unopened_ones_on_disk()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string uri = ws.UriOf("people.emps");
        await client.OpenAsync(uri, Samples.People);
        var published = await client.WaitForDiagnosticsAsync(uri, _ => true);
        Assert.DoesNotContain(published.Diagnostics, d => d.Code is "EMPS1002" or "EMPS2003");
    }

    [Fact]
    public async Task A_stale_version_is_ignored()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string uri = ws.UriOf("people.emps");
        await client.OpenAsync(uri, Samples.People, version: 5);
        await client.WaitForDiagnosticsAsync(uri, _ => true);
        await client.ReplaceAsync(uri, 4, "this is not a scenario");
        await client.ReplaceAsync(uri, 5, "neither is this");
        var symbols = await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(uri)));
        Assert.Contains(symbols, s => s.Name == "Worrier");
        Assert.Equal(Samples.People, client.Server.Workspace.Current.OpenDocuments.Values.Single().Text.Text);
    }

    [Fact]
    public async Task Several_incremental_changes_in_one_notification_apply_in_order()
    {
        await using var client = await LspTestClient.StartAsync();
        const string uri = "untitled:one.emps";
        await client.OpenAsync(uri, "space A {\r\n  x [0, 1]\r\n}\r\n");
        await client.ChangeAsync(uri, 2,
            new TextDocumentContentChangeEvent(new Range(new Position(1, 2), new Position(1, 3)), null, "y\U0001F600"),
            new TextDocumentContentChangeEvent(new Range(new Position(1, 5), new Position(1, 5)), null, "_"),
            new TextDocumentContentChangeEvent(new Range(new Position(0, 6), new Position(0, 7)), null, "Bb"));
        // Messages are handled in arrival order: once a later request is answered, the change is applied.
        await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(uri)));
        Assert.Equal("space Bb {\r\n  y\U0001F600_ [0, 1]\r\n}\r\n", client.Server.Workspace.Current.OpenDocuments.Values.Single().Text.Text);
    }

    [Fact]
    public async Task Watched_file_changes_are_honoured()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string uri = ws.UriOf("people.emps");
        await client.OpenAsync(uri, Samples.People);
        await client.WaitForDiagnosticsAsync(uri, p => !p.Diagnostics.Any(d => d.Code == "EMPS1002"));

        File.Delete(ws.PathOf("space.emps"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("space.emps"), 3) }));
        await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS1002"));

        ws.Write("space.emps", Samples.Space);
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("space.emps"), 1) }));
        await client.WaitForDiagnosticsAsync(uri, p => !p.Diagnostics.Any(d => d.Code == "EMPS1002"));
    }

    [Fact]
    public async Task Globalconfig_severities_apply()
    {
        using var ws = new TempWorkspace(("space.emps", Samples.Space));
        File.WriteAllText(Path.Combine(ws.Root, ".globalconfig"), "is_global = true\ndotnet_diagnostic.EMPS2003.severity = warning\n");
        await using var client = await LspTestClient.StartAsync(ws.Root);
        string uri = ws.UriOf("people.emps");
        await client.OpenAsync(uri, Samples.BrokenPeople);
        var published = await client.WaitForDiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "EMPS2003"));
        Assert.Equal(LspDiagnosticSeverity.Warning, published.Diagnostics.Single(d => d.Code == "EMPS2003").Severity);
    }

    [Fact]
    public async Task Each_file_takes_its_nearest_globalconfig_as_emps_check_does()
    {
        // The nearest .globalconfig in the file's folder or above it applies (only that one), as for `emps check` and the
        // build. The server read only one at the workspace root, so the usual layouts (the repository opened, the
        // .globalconfig in the test project's folder next to its .csproj; or a folder opened below the one holding it)
        // showed the catalogue's severities in the editor and others in the build.
        using var ws = new TempWorkspace(
            ("repo/space.emps", Samples.Space),
            ("repo/tests/Proj/people.emps", Samples.BrokenPeople),
            ("repo/other.emps", Samples.BrokenPeople.Replace("Worrier", "Other")));
        File.WriteAllText(ws.PathOf(".globalconfig"), "is_global = true\ndotnet_diagnostic.EMPS2003.severity = none\n"); // above the root
        File.WriteAllText(ws.PathOf("repo/tests/Proj/.globalconfig"), "is_global = true\ndotnet_diagnostic.EMPS2003.severity = warning\n");
        await using var client = await LspTestClient.StartAsync(ws.PathOf("repo"));
        string proj = ws.UriOf("repo/tests/Proj/people.emps"), other = ws.UriOf("repo/other.emps");
        await client.OpenAsync(proj, Samples.BrokenPeople);
        await client.OpenAsync(other, Samples.BrokenPeople.Replace("Worrier", "Other"));

        static int? Severity(PublishDiagnosticsParams p) => p.Diagnostics.FirstOrDefault(d => d.Code == "EMPS2003")?.Severity;
        await client.WaitForDiagnosticsAsync(proj, p => Severity(p) == LspDiagnosticSeverity.Warning); // the nearest one, not merged
        await client.WaitForDiagnosticsAsync(other, p => p.Diagnostics.Length > 0 && Severity(p) is null); // the one above the root

        // Changed and deleted on disk: the next nearest applies.
        File.WriteAllText(ws.PathOf("repo/tests/Proj/.globalconfig"), "is_global = true\ndotnet_diagnostic.EMPS2003.severity = error\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("repo/tests/Proj/.globalconfig"), 2) }));
        await client.WaitForDiagnosticsAsync(proj, p => Severity(p) == LspDiagnosticSeverity.Error);
        File.Delete(ws.PathOf("repo/tests/Proj/.globalconfig"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf("repo/tests/Proj/.globalconfig"), 3) }));
        await client.WaitForDiagnosticsAsync(proj, p => p.Diagnostics.Length > 0 && Severity(p) is null);
    }

    [Fact]
    public async Task A_globalconfig_above_the_workspace_folder_is_read_again_when_a_document_is_saved_or_opened()
    {
        // Clients watch only the workspace folder, so a .globalconfig above it sends no watched-file event: it was read
        // once, when a file below it first joined, and a change to it was seen only after the server restarted.
        using var ws = new TempWorkspace(("repo/space.emps", Samples.Space));
        string config = ws.PathOf(".globalconfig"); // above the root
        File.WriteAllText(config, "is_global = true\ndotnet_diagnostic.EMPS2003.severity = warning\n");
        await using var client = await LspTestClient.StartAsync(ws.PathOf("repo"));
        string uri = ws.UriOf("repo/people.emps");
        await client.OpenAsync(uri, Samples.BrokenPeople);
        static int? Severity(PublishDiagnosticsParams p) => p.Diagnostics.FirstOrDefault(d => d.Code == "EMPS2003")?.Severity;
        await client.WaitForDiagnosticsAsync(uri, p => Severity(p) == LspDiagnosticSeverity.Warning);

        // Saving a document re-reads the configs that apply to it.
        File.WriteAllText(config, "is_global = true\ndotnet_diagnostic.EMPS2003.severity = error\n");
        await client.NotifyAsync("textDocument/didSave", new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri), null));
        await client.WaitForDiagnosticsAsync(uri, p => Severity(p) == LspDiagnosticSeverity.Error);

        // A save that finds nothing changed makes no new snapshot (so no diagnostics run).
        long generation = client.Server.Workspace.Current.Generation;
        await client.NotifyAsync("textDocument/didSave", new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri), null));
        await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(uri)));
        Assert.Equal(generation, client.Server.Workspace.Current.Generation);

        // Opening a document does too (here: the config changed while the document was closed).
        await client.CloseAsync(uri);
        File.WriteAllText(config, "is_global = true\ndotnet_diagnostic.EMPS2003.severity = none\n");
        await client.OpenAsync(uri, Samples.BrokenPeople, version: 2);
        await client.WaitForDiagnosticsAsync(uri, p => p.Version == 2 && p.Diagnostics.Length > 0 && Severity(p) is null);

        // A watched-file event naming it (the VS Code extension sends one when it is saved in the editor) re-reads it too.
        File.WriteAllText(config, "is_global = true\ndotnet_diagnostic.EMPS2003.severity = warning\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams(new[] { new FileEvent(ws.UriOf(".globalconfig"), 2) }));
        await client.WaitForDiagnosticsAsync(uri, p => Severity(p) == LspDiagnosticSeverity.Warning);
    }
}

using ScenarioDsl.Language.Formatting;
using ScenarioDsl.LanguageServer.Protocol;
using StreamJsonRpc;

namespace ScenarioDsl.LanguageServer.Tests;

/// <summary>Every feature over a two-file workspace: space.emps stays on disk, people.emps (CRLF, emoji) is open.</summary>
public sealed class FeatureTests : IAsyncLifetime
{
    private readonly TempWorkspace _ws = new(("space.emps", Samples.Space));
    private LspTestClient _client = null!;
    private string _uri = "";

    public async Task InitializeAsync()
    {
        _client = await LspTestClient.StartAsync(_ws.Root);
        _uri = _ws.UriOf("people.emps");
        await _client.OpenAsync(_uri, Samples.People);
        await _client.WaitForDiagnosticsAsync(_uri, _ => true);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _ws.Dispose();
    }

    private TextDocumentPositionParams At(string needle, int skip = 0, int plus = 0, string? text = null)
    {
        var (line, ch) = Samples.Find(text ?? Samples.People, needle, skip);
        return new TextDocumentPositionParams(new TextDocumentIdentifier(_uri), new Position(line, ch + plus));
    }

    private Task<CompletionList> CompleteAsync(string text, string caretMarker)
    {
        var (line, ch) = Samples.Find(text, caretMarker);
        return _client.RequestAsync<CompletionList>("textDocument/completion",
            new CompletionParams(new TextDocumentIdentifier(_uri), new Position(line, ch)));
    }

    private async Task ReplaceAsync(string text, int version)
    {
        await _client.ReplaceAsync(_uri, version, text);
        // Messages are handled in arrival order, so the next request already sees this text.
    }

    [Fact]
    public async Task Definition_of_a_space_goes_to_the_unopened_file()
    {
        var locations = await _client.RequestAsync<Location[]>("textDocument/definition", At("Mood", plus: 2));
        var l = Assert.Single(locations);
        Assert.Equal(_ws.UriOf("space.emps"), l.Uri);
        Assert.Equal(new Range(new Position(0, 6), new Position(0, 10)), l.Range);
    }

    [Fact]
    public async Task Definition_of_a_dimension_in_a_rule_goes_to_the_space()
    {
        var locations = await _client.RequestAsync<Location[]>("textDocument/definition", At("calm +=", plus: 1));
        var l = Assert.Single(locations);
        Assert.Equal(_ws.UriOf("space.emps"), l.Uri);
        Assert.Equal(new Position(1, 2), l.Range.Start);
    }

    [Fact]
    public async Task Definition_of_a_persona_in_a_scenario_is_in_the_same_file()
    {
        var locations = await _client.RequestAsync<Location[]>("textDocument/definition", At("Worrier", skip: 2));
        var l = Assert.Single(locations);
        Assert.Equal(_uri, l.Uri);
        Assert.Equal(new Range(new Position(0, 8), new Position(0, 15)), l.Range);
    }

    [Fact]
    public async Task Definition_on_whitespace_or_outside_the_document_is_empty()
    {
        var none = await _client.RequestAsync<Location[]>("textDocument/definition",
            new TextDocumentPositionParams(new TextDocumentIdentifier(_uri), new Position(7, 0)));
        Assert.Empty(none);
        var outside = await _client.RequestAsync<Location[]>("textDocument/definition",
            new TextDocumentPositionParams(new TextDocumentIdentifier(_uri), new Position(500, 9000)));
        Assert.Empty(outside);
        var negative = await _client.RequestAsync<Location[]>("textDocument/definition",
            new TextDocumentPositionParams(new TextDocumentIdentifier(_uri), new Position(-3, -1)));
        Assert.NotNull(negative);
        var unknownDoc = await _client.RequestAsync<Location[]>("textDocument/definition",
            new TextDocumentPositionParams(new TextDocumentIdentifier("file:///nowhere/x.emps"), new Position(0, 0)));
        Assert.Empty(unknownDoc);
    }

    [Fact]
    public async Task References_find_uses_across_files()
    {
        var refs = await _client.RequestAsync<Location[]>("textDocument/references",
            new ReferenceParams(new TextDocumentIdentifier(_uri), At("calm:").Position, new ReferenceContext(true)));
        Assert.Contains(refs, r => r.Uri == _ws.UriOf("space.emps"));
        Assert.True(refs.Count(r => r.Uri == _uri) >= 4, string.Join(", ", refs.Select(r => r.Range.Start)));
        var withoutDecl = await _client.RequestAsync<Location[]>("textDocument/references",
            new ReferenceParams(new TextDocumentIdentifier(_uri), At("calm:").Position, new ReferenceContext(false)));
        Assert.DoesNotContain(withoutDecl, r => r.Uri == _ws.UriOf("space.emps"));
    }

    [Fact]
    public async Task Rename_edits_every_file()
    {
        var prepare = await _client.RequestAsync<PrepareRenameResult?>("textDocument/prepareRename", At("Settle", skip: 1));
        Assert.NotNull(prepare);
        Assert.Equal("Settle", prepare!.Placeholder);

        var edit = await _client.RequestAsync<WorkspaceEdit>("textDocument/rename",
            new RenameParams(new TextDocumentIdentifier(_uri), At("calm", skip: 1).Position, "serenity"));
        Assert.Contains(_ws.UriOf("space.emps"), edit.Changes.Keys);
        Assert.All(edit.Changes.Values.SelectMany(e => e), e => Assert.Equal("serenity", e.NewText));
        Assert.Equal(4, edit.Changes[_uri].Length); // start, effect, condition, target

        // -32602 (invalid params); StreamJsonRpc's client surfaces that code as RemoteMethodNotFoundException.
        var bad = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => _client.RequestAsync<WorkspaceEdit>("textDocument/rename",
            new RenameParams(new TextDocumentIdentifier(_uri), At("calm", skip: 1).Position, "9lives")));
        Assert.Contains("not a valid name", bad.Message);
    }

    [Fact]
    public async Task Prepare_rename_on_the_built_in_mirroring_says_why_it_cannot_be_renamed()
    {
        // prepareRename answered null, so the editor said only "the element can't be renamed" and never sent the rename
        // that carries the reason; an error with the reason is what the specification provides for this.
        string text = Samples.People.Replace("on advice", "on mirroring");
        await ReplaceAsync(text, 2);
        var refused = await Assert.ThrowsAnyAsync<RemoteRpcException>(() =>
            _client.RequestAsync<PrepareRenameResult?>("textDocument/prepareRename", At("mirroring", plus: 3, text: text)));
        Assert.Contains("'mirroring' is a built-in cue and cannot be renamed", refused.Message);
        Assert.Equal(ErrorCodes.RequestFailed, ((RemoteInvocationException)refused).ErrorCode);

        // Where there is no name at all, null as before: nothing to explain.
        Assert.Null(await _client.RequestAsync<PrepareRenameResult?>("textDocument/prepareRename", At("says", text: text)));
    }

    [Theory]
    [InlineData("calm:")]   // right after `{`
    [InlineData("trust:")]  // right after `,`
    [InlineData("Mood {")]  // right after a space, for comparison
    public async Task Prepare_rename_and_hover_at_the_first_character_of_a_name_that_follows_punctuation(string needle)
    {
        // The caret before the name's first character also touches the `{` or `,` before it: prepareRename used to
        // answer null there (VS Code: "The element can't be renamed") and hover highlighted the punctuation.
        string text = Samples.People.Replace("start { calm: -0.5, trust: 0.2 }", "start {calm: -0.5,trust: 0.2}");
        await ReplaceAsync(text, 2);
        var at = At(needle, text: text);
        string name = needle.Split(':', ' ')[0];
        var expected = new Range(at.Position, at.Position with { Character = at.Position.Character + name.Length });

        var prepare = await _client.RequestAsync<PrepareRenameResult?>("textDocument/prepareRename", at);
        Assert.NotNull(prepare);
        Assert.Equal(name, prepare!.Placeholder);
        Assert.Equal(expected, prepare.Range);

        var hover = await _client.RequestAsync<Hover?>("textDocument/hover", at);
        Assert.Equal(expected, hover!.Range);
    }

    [Theory]
    [InlineData("calm", 1, "trust", "EMPS2001")] // a dimension of the same space: the cause, in space.emps, not its consequence EMPS3008 in people.emps (which comes first in file order)
    [InlineData("validation", 0, "advice", "EMPS1001")] // another cue
    [InlineData("validation", 0, "mirroring", "EMPS1001")] // the built-in cue
    [InlineData("Worrier", 0, "Personas", "EMPS1003")] // a name whose generated identifier is taken
    [InlineData("Settle", 0, "Worrier", "")] // a goal may share a persona's name: accepted
    public async Task Rename_refuses_a_name_that_would_break_the_files(string name, int skip, string newName, string code)
    {
        var at = At(name + (name == "validation" ? " =>" : ""), skip);
        if (code.Length == 0)
        {
            var accepted = await _client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(new TextDocumentIdentifier(_uri), at.Position, newName));
            Assert.NotEmpty(accepted.Changes);
            return;
        }
        var refused = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => _client.RequestAsync<WorkspaceEdit>("textDocument/rename",
            new RenameParams(new TextDocumentIdentifier(_uri), at.Position, newName)));
        Assert.True(refused.Message.StartsWith($"renaming to '{newName}' would give ", StringComparison.Ordinal) && refused.Message.Contains($"error {code}: ", StringComparison.Ordinal), refused.Message);
    }

    [Fact]
    public async Task Hover_shows_a_dimensions_range_a_personas_start_and_a_goals_target()
    {
        var dim = await _client.RequestAsync<Hover?>("textDocument/hover", At("trust += 0.1"));
        Assert.Contains("[0, 1]", dim!.Contents.Value);
        Assert.Contains("Trust in the agent", dim.Contents.Value);
        Assert.Equal("markdown", dim.Contents.Kind);

        var persona = await _client.RequestAsync<Hover?>("textDocument/hover", At("Worrier", skip: 2));
        Assert.Contains("calm -0.5", persona!.Contents.Value);
        Assert.Contains("2 rules", persona.Contents.Value);

        var goal = await _client.RequestAsync<Hover?>("textDocument/hover", At("Settle", skip: 1));
        Assert.Contains("target: calm 0.5", goal!.Contents.Value);

        var nothing = await _client.RequestAsync<Hover?>("textDocument/hover", At("says"));
        Assert.Null(nothing);
    }

    [Fact]
    public async Task Completion_offers_cues_after_on()
    {
        string text = Samples.People.Replace("  says \"Hm.\"", "  on |");
        await ReplaceAsync(text.Replace("|", ""), 2);
        var items = (await CompleteAsync(text, "|")).Items.Select(i => i.Label).ToList();
        Assert.Contains("validation", items);
        Assert.Contains("advice", items);
        Assert.Contains("mirroring", items);
        Assert.DoesNotContain("calm", items);
    }

    [Fact]
    public async Task Completion_offers_dimensions_in_start_effects_and_conditions()
    {
        // A name the block already gives is not offered again (it would be EMPS3008), before or after the caret.
        string text = Samples.People.Replace("start { calm: -0.5, trust: 0.2 }", "start { calm: -0.5, | }");
        await ReplaceAsync(text.Replace("|", ""), 2);
        Assert.Equal(new[] { "trust" }, (await CompleteAsync(text, "|")).Items.Select(i => i.Label));
        text = Samples.People.Replace("start { calm: -0.5, trust: 0.2 }", "start { | trust: 0.2 }");
        await ReplaceAsync(text.Replace("|", ""), 3);
        Assert.Equal(new[] { "calm" }, (await CompleteAsync(text, "|")).Items.Select(i => i.Label));

        text = Samples.People.Replace("on advice when calm < 0 => trust -= 0.1", "on advice when calm < 0 and | => trust -= 0.1");
        await ReplaceAsync(text.Replace("|", ""), 4);
        Assert.Contains("trust", (await CompleteAsync(text, "|")).Items.Select(i => i.Label));

        text = Samples.People.Replace("=> calm += 0.2, trust += 0.1", "=> calm += 0.2, tr|");
        await ReplaceAsync(text.Replace("|", ""), 5);
        Assert.Contains("trust", (await CompleteAsync(text, "|")).Items.Select(i => i.Label));
    }

    [Theory]
    [InlineData("  start { calm: -0.5, trust: 0.2 }", "  start { | ", "calm,trust")] // a block typed before members that follow
    [InlineData("  start { calm: -0.5, trust: 0.2 }", "  start { calm: 0.1, | ", "trust")] // calm is given already
    [InlineData("  start { calm: -0.5, trust: 0.2 }", "  start {\r\n    | ", "calm,trust")] // at the start of a line inside it
    [InlineData("  start { calm: -0.5, trust: 0.2 }", "  start { calm| ", "calm,trust")] // a name being typed
    [InlineData("  target { calm: 0.5 }", "  weights { | ", "alignment,impact,stability")]
    [InlineData("  start { calm: -0.5, trust: 0.2 }", "  start { calm: | ", "")] // a value, not a name
    public async Task Completion_inside_an_entries_block_that_is_not_closed_yet(string member, string typed, string expected)
    {
        string text = Samples.People.Replace(member, typed);
        await ReplaceAsync(text.Replace("|", ""), 2);
        var labels = (await CompleteAsync(text, "|")).Items.Select(i => i.Label).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), labels);
    }

    [Fact]
    public async Task Completion_offers_spaces_after_in_and_personas_and_goals_in_scenarios()
    {
        string text = Samples.People.Replace("goal Settle in Mood", "goal Settle in |");
        await ReplaceAsync(text.Replace("|", ""), 2);
        Assert.Equal(new[] { "Mood" }, (await CompleteAsync(text, "|")).Items.Select(i => i.Label));

        text = Samples.People.Replace("  persona Worrier\r\n", "  persona |\r\n");
        await ReplaceAsync(text.Replace("|", ""), 3);
        Assert.Equal(new[] { "Worrier" }, (await CompleteAsync(text, "|")).Items.Select(i => i.Label));

        text = Samples.People + "\r\nsuite All {\r\n  personas Worrier\r\n  goals |\r\n}\r\n";
        await ReplaceAsync(text.Replace("|", ""), 4);
        Assert.Equal(new[] { "Settle" }, (await CompleteAsync(text, "|")).Items.Select(i => i.Label));
    }

    /// <summary>People plus a second space with its own persona and goal, and one more persona and goal in Mood.</summary>
    private const string TwoSpaces = Samples.People +
        "\r\nspace Work {\r\n  focus [0, 1]\r\n}\r\n" +
        "\r\npersona Busy in Work {\r\n  start { focus: 0 }\r\n}\r\n" +
        "\r\ngoal Focus in Work {\r\n  target { focus: 1 }\r\n}\r\n" +
        "\r\npersona Fretter in Mood {\r\n  start { calm: 0, trust: 0 }\r\n}\r\n" +
        "\r\ngoal Soothe in Mood {\r\n  target { calm: 1 }\r\n}\r\n";

    [Theory]
    [InlineData("  persona Worrier\r\n", "  persona |\r\n", "Fretter,Worrier")]         // the goal Settle is in Mood: not Busy (Work)
    [InlineData("  goal Settle\r\n", "  goal |\r\n", "Settle,Soothe")]                // the persona Worrier is in Mood: not Focus (Work)
    [InlineData("  persona Worrier\r\n  goal Settle\r\n", "  persona |\r\n", "Busy,Fretter,Worrier")] // no goal yet: any persona
    [InlineData("  goal Settle\r\n", "  goal Sett|\r\n", "Settle,Soothe")]            // a name being typed
    public async Task Completion_in_a_scenario_offers_only_personas_and_goals_of_the_space_already_given(string member, string typed, string expected)
    {
        // Every persona (goal) was offered, also those bound to another space than the scenario's goal (persona): EMPS2006.
        string text = TwoSpaces.Replace(member, typed);
        await ReplaceAsync(text.Replace("|", ""), 2);
        var labels = (await CompleteAsync(text, "|")).Items.Select(i => i.Label).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split(','), labels);
    }

    [Theory]
    [InlineData("  personas Worrier, |\r\n  goals Settle\r\n", "Fretter")]          // not Worrier (listed), not Busy (Work)
    [InlineData("  personas |\r\n  goals Settle, Soothe\r\n", "Fretter,Worrier")]
    [InlineData("  personas Worrier\r\n  goals Settle, |\r\n", "Soothe")]           // not Settle (listed), not Focus (Work)
    [InlineData("  personas Worrier\r\n  goals |, Settle\r\n", "Soothe")]           // listed after the caret
    [InlineData("  personas Busy, Worrier\r\n  goals Settle, |\r\n", "Focus,Soothe")] // already EMPS2006: the spaces of both
    [InlineData("  goals Focus\r\n  personas |\r\n", "Busy")]
    [InlineData("  personas |\r\n", "Busy,Fretter,Worrier")]                          // no goals yet: any persona
    public async Task Completion_in_a_suite_offers_only_names_of_the_space_already_given_and_not_yet_listed(string members, string expected)
    {
        string text = TwoSpaces + "\r\nsuite All {\r\n" + members + "}\r\n";
        await ReplaceAsync(text.Replace("|", ""), 2);
        var labels = (await CompleteAsync(text, "|")).Items.Select(i => i.Label).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split(','), labels);
    }

    [Theory]
    [InlineData("persona Newcomer |", "in")]
    [InlineData("goal Aim |", "in")]
    [InlineData("goal Aim i|", "in")]
    [InlineData("persona Newcomer |{", "in")]
    [InlineData("persona Newcomer in |", "Mood,Work")]
    [InlineData("goal Aim in M|", "Mood,Work")]
    public async Task Completion_after_a_persona_or_goal_declarations_name_offers_in_then_the_spaces(string typed, string expected)
    {
        // `persona Name ` and `goal Name ` at the top level take `in Space`: nothing was offered after the name.
        // The declaration is followed by another one, as when it is typed above the rest of a file.
        string text = typed + "\r\n\r\n" + TwoSpaces;
        await ReplaceAsync(text.Replace("|", ""), 2);
        var labels = (await CompleteAsync(text, "|")).Items.Select(i => i.Label).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split(','), labels);
        // Not in a scenario, where `persona Name` is a member and nothing follows the name.
        text = Samples.People.Replace("  persona Worrier\r\n", "  persona Worrier |\r\n");
        await ReplaceAsync(text.Replace("|", ""), 3);
        Assert.Empty((await CompleteAsync(text, "|")).Items);
    }

    [Theory]
    [InlineData("direction per-|", "direction ", "per-turn")]
    [InlineData("direction per-tu|", "direction ", "per-turn")]
    [InlineData("direction per|", "direction ", "per-turn")]
    [InlineData("direction |", "direction ", "per-turn")]
    [InlineData("direction fi|", "direction ", "fixed")]
    public async Task Completing_per_turn_replaces_the_whole_partial_token(string typed, string before, string label)
    {
        // `-` is no word character for an editor, so the item's text replaced only what followed it: `per-` + `per-turn`.
        // Each item carries an edit whose range is the whole partial token before the caret.
        string text = Samples.People.Replace("  target { calm: 0.5 }\r\n", "  target { calm: 0.5 }\r\n  scoring epm " + typed + "\r\n");
        await ReplaceAsync(text.Replace("|", ""), 2);
        var item = (await CompleteAsync(text, "|")).Items.Single(i => i.Label == label);
        Assert.NotNull(item.TextEdit);
        Assert.Equal(label, item.TextEdit!.NewText);
        string applied = Apply(text.Replace("|", ""), item.TextEdit);
        Assert.Contains("  scoring epm " + before + label + "\r\n", applied);
        Assert.Equal(Samples.Find(text, "|"), (item.TextEdit.Range.End.Line, item.TextEdit.Range.End.Character));
    }

    [Fact]
    public async Task Completion_items_replace_the_name_being_typed()
    {
        string text = Samples.People.Replace("=> calm += 0.2, trust += 0.1", "=> calm += 0.2, tr|");
        await ReplaceAsync(text.Replace("|", ""), 2);
        var item = (await CompleteAsync(text, "|")).Items.Single(i => i.Label == "trust");
        Assert.Contains("=> calm += 0.2, trust\r\n", Apply(text.Replace("|", ""), item.TextEdit!));
    }

    [Fact]
    public async Task Completion_offers_keywords_at_the_top_level_and_at_member_starts()
    {
        string text = Samples.People + "\r\n|";
        await ReplaceAsync(text.Replace("|", ""), 2);
        var top = (await CompleteAsync(text, "|")).Items.Select(i => i.Label).ToList();
        Assert.Contains("persona", top);
        Assert.Contains("suite", top);

        text = Samples.People.Replace("  says \"Hm.\"", "  |");
        await ReplaceAsync(text.Replace("|", ""), 3);
        var members = (await CompleteAsync(text, "|")).Items.Select(i => i.Label).ToList();
        Assert.Contains("says", members);
        Assert.Contains("drift", members);
        Assert.DoesNotContain("within", members);
    }

    [Theory]
    [InlineData("\r\nscenario |")]         // the new declaration's name comes next, not another declaration
    [InlineData("\r\ngoal |")]
    [InlineData("\r\ncues |")]             // its '{' comes next
    [InlineData("\r\nspace Sp|")]          // a name being typed
    [InlineData(" |")]                     // after the last '}' on its line: a declaration must start a new line
    public async Task Completion_offers_no_declaration_keywords_where_no_declaration_can_start(string typed)
    {
        // After the file's last declaration the caret is at the top level; the keywords were offered on every space
        // typed there (the space is a trigger character), so `scenario ` popped up `space, cues, persona, ...`
        // where the user types the scenario's name.
        string text = Samples.People.TrimEnd('\r', '\n') + typed;
        await ReplaceAsync(text.Replace("|", ""), 2);
        Assert.Empty((await CompleteAsync(text, "|")).Items);
        // For comparison: at the start of a line, and while typing the keyword itself, they are offered.
        text = Samples.People + "\r\nsce|";
        await ReplaceAsync(text.Replace("|", ""), 3);
        Assert.Contains("scenario", (await CompleteAsync(text, "|")).Items.Select(i => i.Label));
    }

    [Fact]
    public async Task Completion_offers_nothing_inside_strings_and_comments()
    {
        string text = Samples.People.Replace("  says \"Hm.\"", "  says \"on |\" // on |");
        await ReplaceAsync(text.Replace("|", ""), 2);
        Assert.Empty((await CompleteAsync(text, "|")).Items);
        var (line, ch) = Samples.Find(text.Replace("|", ""), "// on ");
        var inComment = await _client.RequestAsync<CompletionList>("textDocument/completion",
            new CompletionParams(new TextDocumentIdentifier(_uri), new Position(line, ch + 6)));
        Assert.Empty(inComment.Items);
        // Right after the closing quote is outside the string again.
        var (l2, c2) = Samples.Find(text.Replace("|", ""), "\" //");
        var after = await _client.RequestAsync<CompletionList>("textDocument/completion",
            new CompletionParams(new TextDocumentIdentifier(_uri), new Position(l2, c2 + 1)));
        Assert.NotNull(after);
    }

    [Theory]
    [InlineData("\r\n/* notes on |")]          // a block comment being typed at the end of the file: no `*/` yet
    [InlineData("\r\n/* notes on the goal\r\n|")]
    [InlineData("\r\n/* notes on |*/")]        // for comparison: a closed one
    [InlineData("\r\n// notes on |")]
    public async Task Completion_offers_nothing_in_a_comment_at_the_end_of_the_file(string typed)
    {
        // An unclosed block comment reaches the end of the file, so the caret there is still inside it (completion
        // offered the declaration keywords on every space typed in it).
        string text = Samples.People + typed;
        await ReplaceAsync(text.Replace("|", ""), 2);
        Assert.Empty((await CompleteAsync(text, "|")).Items);
    }

    [Fact]
    public async Task Formatting_twice_gives_no_second_edit()
    {
        string messy = Samples.People.Replace("goal Settle in Mood", "goal   Settle   in Mood");
        await ReplaceAsync(messy, 2);
        var edits = await _client.RequestAsync<TextEdit[]>("textDocument/formatting",
            new DocumentFormattingParams(new TextDocumentIdentifier(_uri), null));
        string formatted = Apply(messy, Assert.Single(edits));
        await ReplaceAsync(formatted, 3);
        Assert.Empty(await _client.RequestAsync<TextEdit[]>("textDocument/formatting",
            new DocumentFormattingParams(new TextDocumentIdentifier(_uri), null)));
    }

    [Fact]
    public async Task Range_formatting_formats_the_selected_lines_only()
    {
        string messy = Samples.People
            .Replace("  start { calm: -0.5, trust: 0.2 }", "      start{calm:-0.5,trust :0.2}")
            .Replace("  target { calm: 0.5 }", "    target{calm:0.5}");
        await ReplaceAsync(messy, 2);
        var lines = messy.Split("\r\n");
        int startLine = Array.FindIndex(lines, l => l.Contains("start{"));
        var edits = await _client.RequestAsync<TextEdit[]>("textDocument/rangeFormatting",
            new DocumentRangeFormattingParams(new TextDocumentIdentifier(_uri), new Range(new Position(startLine, 0), new Position(startLine, lines[startLine].Length)), null));
        Assert.NotEmpty(edits);
        Assert.All(edits, e => Assert.Equal(startLine, e.Range.Start.Line));
        string applied = ApplyAll(messy, edits);
        Assert.Contains("\r\n  start { calm: -0.5, trust: 0.2 }\r\n", applied);
        Assert.Contains("\r\n    target{calm:0.5}\r\n", applied); // outside the range: as written
    }

    [Fact]
    public async Task Document_symbols_list_declarations_and_members()
    {
        var symbols = await _client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(_uri)));
        Assert.Equal(new[] { "Worrier", "Settle", "CalmTheWorrier" }, symbols.Select(s => s.Name));
        Assert.Equal(LspSymbolKind.Class, symbols[0].Kind);
        Assert.Contains(symbols[0].Children!, c => c.Name == "on validation");
        Assert.Equal(new Range(new Position(0, 8), new Position(0, 15)), symbols[0].SelectionRange);
        Assert.Equal(new Position(6, 1), symbols[0].Range.End);
    }

    [Theory]
    [InlineData("}\r\n")]                 // a stray brace before the first declaration
    [InlineData("}}\r\n// note\r\n")]
    public async Task Text_that_starts_no_declaration_is_no_document_symbol(string stray)
    {
        // A stray `}` at the top level was listed in the outline as a symbol named "declaration"; it is a syntax error,
        // reported as such, and declares nothing.
        string text = stray + Samples.People;
        await ReplaceAsync(text, 2);
        var symbols = await _client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(_uri)));
        Assert.Equal(new[] { "Worrier", "Settle", "CalmTheWorrier" }, symbols.Select(s => s.Name));
        await _client.WaitForDiagnosticsAsync(_uri, p => p.Version == 2 && p.Diagnostics.Any(d => d.Code == "EMPS0001" && d.Range.Start == new Position(0, 0)));
    }

    [Fact]
    public async Task Formatting_returns_the_emps_fmt_result_as_one_edit()
    {
        string messy = Samples.People.Replace("  start { calm: -0.5, trust: 0.2 }", "      start{calm:-0.5,trust :0.2}  // \U0001F61F");
        await ReplaceAsync(messy, 2);
        var edits = await _client.RequestAsync<TextEdit[]>("textDocument/formatting",
            new DocumentFormattingParams(new TextDocumentIdentifier(_uri), new FormattingOptions(2, true)));
        var edit = Assert.Single(edits);
        string applied = Apply(messy, edit);
        Assert.Equal(EmpsFormatter.Format(messy).Text, applied);
        Assert.Contains("  start { calm: -0.5, trust: 0.2 } // \U0001F61F\r\n", applied);

        await ReplaceAsync("space {", 3);
        Assert.Empty(await _client.RequestAsync<TextEdit[]>("textDocument/formatting",
            new DocumentFormattingParams(new TextDocumentIdentifier(_uri), null)));
    }

    [Fact]
    public async Task Folding_ranges_cover_declarations_and_comment_blocks()
    {
        string text = "// one\r\n// two\r\n" + Samples.People;
        await ReplaceAsync(text, 2);
        var ranges = await _client.RequestAsync<FoldingRange[]>("textDocument/foldingRange", new FoldingRangeParams(new TextDocumentIdentifier(_uri)));
        Assert.Contains(ranges, r => r.StartLine == 0 && r.EndLine == 1 && r.Kind == "comment");
        Assert.Contains(ranges, r => r.StartLine == 2 && r.EndLine == 7);
        Assert.Contains(ranges, r => r.StartLine == 14 && r.EndLine == 16);
    }

    [Fact]
    public async Task Comments_at_the_ends_of_code_lines_are_no_comment_fold()
    {
        // Only comments on lines of their own make a comment run: "Fold All Comments" must not hide the start and the
        // rule that the two end-of-line comments below follow (it did: lines 2-3 were one comment range).
        string text = Samples.People
            .Replace("trust: 0.2 }\r\n", "trust: 0.2 } // as met\r\n")
            .Replace("trust += 0.1\r\n", "trust += 0.1 // slowly\r\n")
            .Replace("  says", "  // two own-line\r\n  // comments fold\r\n  says");
        await ReplaceAsync(text, 2);
        var ranges = await _client.RequestAsync<FoldingRange[]>("textDocument/foldingRange", new FoldingRangeParams(new TextDocumentIdentifier(_uri)));
        var comments = ranges.Where(r => r.Kind == "comment").Select(r => (r.StartLine, r.EndLine));
        Assert.Equal(new[] { (5, 6) }, comments);
    }

    [Fact]
    public async Task Semantic_tokens_classify_keywords_names_numbers_and_strings()
    {
        var tokens = await _client.RequestAsync<SemanticTokens>("textDocument/semanticTokens/full", new SemanticTokensParams(new TextDocumentIdentifier(_uri)));
        var legend = Handlers.SemanticTokensHandler.Legend.TokenTypes;
        var decoded = Decode(tokens.Data).Select(t => (t.Line, t.Char, t.Length, Type: legend[t.Type])).ToList();
        Assert.Contains((0, 0, 7, "keyword"), decoded);    // persona
        Assert.Contains((0, 8, 7, "class"), decoded);      // Worrier
        Assert.Contains((0, 16, 2, "keyword"), decoded);   // in
        Assert.Contains((0, 19, 4, "type"), decoded);      // Mood
        Assert.Contains((1, 8, 18, "string"), decoded);    // "Worries a lot 😟" counts the emoji as two units
        Assert.Contains((2, 16, 4, "number"), decoded);    // -0.5
        Assert.Contains((3, 5, 10, "event"), decoded);     // validation
        Assert.Contains((3, 19, 4, "property"), decoded);  // calm
        Assert.Contains((3, 24, 2, "operator"), decoded);  // +=
    }

    [Fact]
    public async Task Code_action_offers_the_did_you_mean_fix()
    {
        await ReplaceAsync(Samples.People.Replace("=> calm += 0.2", "=> clam += 0.2"), 2);
        await _client.WaitForDiagnosticsAsync(_uri, p => p.Diagnostics.Any(d => d.Code == "EMPS2003"));
        var (line, ch) = Samples.Find(Samples.People, "calm += 0.2");
        var actions = await _client.RequestAsync<CodeAction[]>("textDocument/codeAction",
            new CodeActionParams(new TextDocumentIdentifier(_uri), new Range(new Position(line, ch), new Position(line, ch + 4)), new CodeActionContext(null, null)));
        var action = Assert.Single(actions);
        Assert.Equal("quickfix", action.Kind);
        Assert.Contains("calm", action.Title);
        var edit = Assert.Single(action.Edit.Changes[_uri]);
        Assert.Equal("calm", edit.NewText);
        Assert.Equal(new Range(new Position(line, ch), new Position(line, ch + 4)), edit.Range);

        var elsewhere = await _client.RequestAsync<CodeAction[]>("textDocument/codeAction",
            new CodeActionParams(new TextDocumentIdentifier(_uri), new Range(new Position(0, 0), new Position(0, 1)), null));
        Assert.Empty(elsewhere);
    }

    internal static IEnumerable<(int Line, int Char, int Length, int Type)> Decode(int[] data)
    {
        int line = 0, ch = 0;
        for (int i = 0; i + 4 < data.Length; i += 5)
        {
            if (data[i] != 0) ch = 0;
            line += data[i];
            ch += data[i + 1];
            yield return (line, ch, data[i + 2], data[i + 3]);
        }
    }

    internal static string Apply(string text, TextEdit edit)
    {
        var source = ScenarioDsl.Language.Text.SourceText.From(text);
        int start = Conversions.ToOffset(source, edit.Range.Start), end = Conversions.ToOffset(source, edit.Range.End);
        return text.Substring(0, start) + edit.NewText + text.Substring(end);
    }

    /// <summary>Applies non-overlapping edits (positions in the original text), last first.</summary>
    internal static string ApplyAll(string text, IEnumerable<TextEdit> edits)
    {
        var source = ScenarioDsl.Language.Text.SourceText.From(text);
        foreach (var edit in edits.OrderByDescending(e => Conversions.ToOffset(source, e.Range.Start)))
        {
            int start = Conversions.ToOffset(source, edit.Range.Start), end = Conversions.ToOffset(source, edit.Range.End);
            text = text.Substring(0, start) + edit.NewText + text.Substring(end);
        }
        return text;
    }
}

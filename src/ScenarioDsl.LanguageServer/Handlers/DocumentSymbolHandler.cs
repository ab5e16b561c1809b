using ScenarioDsl.Language.Syntax;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>
/// textDocument/documentSymbol: declarations with their dimensions, cues, rules and members as children; text that starts
/// no declaration is left out.
/// </summary>
internal static class DocumentSymbolHandler
{
    public static DocumentSymbol[] Handle(WorkspaceSnapshot snapshot, DocumentSymbolParams p)
    {
        var doc = DocumentContext.Find(snapshot, p?.TextDocument);
        if (doc is null) return Array.Empty<DocumentSymbol>();
        var result = new List<DocumentSymbol>();
        foreach (var d in doc.Tree.Root.Declarations)
        {
            // Text that starts no declaration (a stray `}`, an unknown word) declares nothing: a syntax error, no symbol.
            if (d.Kind == DeclarationKind.Unknown) continue;
            var range = doc.Range(d.Span);
            var nameToken = d.Name is { IsMissing: false } n ? n : d.Keyword;
            string name = d.Kind == DeclarationKind.Cues ? "cues" : nameToken == d.Keyword ? DeclarationSyntax.KindName(d.Kind) : nameToken.Text;
            string? detail = d switch
            {
                PersonaDeclarationSyntax pd => "persona in " + pd.SpaceName.Text,
                GoalDeclarationSyntax gd => "goal in " + gd.SpaceName.Text,
                _ => DeclarationSyntax.KindName(d.Kind),
            };
            DocumentSymbol[]? children = d is BlockDeclarationSyntax block
                ? block.Members.Select(m => Member(doc, m)).Where(m => m is not null).Select(m => m!).ToArray()
                : null;
            result.Add(new DocumentSymbol(name, detail, Kind(d.Kind), range, doc.Range(nameToken.Span), children));
        }
        return result.ToArray();
    }

    private static int Kind(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Space => LspSymbolKind.Namespace,
        DeclarationKind.Cues => LspSymbolKind.Enum,
        DeclarationKind.Persona => LspSymbolKind.Class,
        DeclarationKind.Goal => LspSymbolKind.Struct,
        DeclarationKind.Scenario => LspSymbolKind.Function,
        DeclarationKind.Suite => LspSymbolKind.Module,
        _ => LspSymbolKind.Module,
    };

    private static DocumentSymbol? Member(DocumentContext doc, MemberSyntax member)
    {
        if (member is SkippedSyntax || member.FirstToken is null) return null;
        var head = member.Head;
        var range = doc.Range(member.Span);
        var selection = doc.Range(head.Span);
        return member switch
        {
            DimensionSyntax dim => new DocumentSymbol(dim.Name.Text, $"[{dim.Low.Text}, {dim.High.Text}]", LspSymbolKind.EnumMember, range, selection, null),
            CueSyntax cue => new DocumentSymbol(cue.Name.Text, string.Join(", ", cue.Phrases.Items.Select(t => t.Text)), LspSymbolKind.Event, range, selection, null),
            RuleSyntax rule => new DocumentSymbol("on " + rule.Cue.Text, null, LspSymbolKind.Function, range, selection, null),
            SaysSyntax says => new DocumentSymbol("says", says.Text.Text, LspSymbolKind.String, range, selection, null),
            _ => new DocumentSymbol(head.Text, null, LspSymbolKind.Property, range, selection, null),
        };
    }
}

using ScenarioDsl.Language.Binding;
using ScenarioDsl.LanguageServer.Handlers;

namespace ScenarioDsl.LanguageServer.Tests;

public class HoverTextTests
{
    private const string Source = """
        space Mood "# Not a heading" {
          calm [0, 1] "*not emphasis* and <b>not html</b>"
        }
        cues {
          warmth "*", "1. x"
        }
        persona Worrier in Mood {
          about "1. not a list\nsecond line"
          start { calm: 0.2 }
          on warmth => calm += 0.1
          says "Hm."
        }
        goal Calm in Mood {
          target { calm: 0.8 }
        }
        suite Many { personas Worrier goals Calm seeds 1..10000 }
        """;

    private static string Describe(SymbolKind kind, string name, string? container = null) =>
        HoverHandler.Describe(EmpsCompilation.FromText(Source).Model, new SymbolKey(kind, name, container))!;

    [Fact]
    public void User_text_shows_as_written_not_as_markdown()
    {
        Assert.Contains(@"\# Not a heading", Describe(SymbolKind.Space, "Mood"));
        Assert.Contains(@"\*not emphasis\* and \<b\>not html\<\/b\>", Describe(SymbolKind.Dimension, "calm", "Mood"));
        Assert.Contains(@"""\*"", ""1\. x""", Describe(SymbolKind.Cue, "warmth"));
        Assert.Contains("1\\. not a list  \nsecond line", Describe(SymbolKind.Persona, "Worrier"));
    }

    [Fact]
    public void A_suite_of_a_seed_range_shows_the_range_not_every_seed()
    {
        Assert.Equal("suite `Many`: 10000 cases (personas Worrier; goals Calm; seeds 1..10000)", Describe(SymbolKind.Suite, "Many"));
    }
}

using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Language.Tests.Binding;

/// <summary>
/// SPEC 3: "Errors stop code generation for the declarations they touch, never for the rest." An error
/// flags (<c>HasErrors</c>) the declaration it lies in and what uses that declaration, not its neighbours.
/// </summary>
public class ErrorScopeTests
{
    private const string Space = "space Mood { calm [0, 1] }\ncues { kind \"that makes sense\" }\n";
    private const string Persona = "persona Worrier in Mood { start { calm: 0.2 } on kind => calm += 0.1 says \"hm\" }\n";
    private const string Goal = "goal Calm in Mood { target { calm: 0.9 } }\n";
    private const string Scenario = "scenario Check { persona Worrier goal Calm }\n";

    private static BoundModel Bind(string text)
    {
        var compilation = EmpsCompilation.FromText(text, "test.emps");
        Assert.True(compilation.HasErrors);
        return compilation.Model;
    }

    [Theory]
    [InlineData("@\n")]
    [InlineData("\t#§ ¤\n")]
    [InlineData("\n@\n\n")]
    public void A_stray_character_between_declarations_flags_neither_neighbour(string stray)
    {
        var model = Bind(Space + Persona + stray + Goal + Scenario);
        Assert.False(model.Personas.Single().HasErrors);
        Assert.False(model.Goals.Single().HasErrors);
        Assert.False(model.Scenarios.Single().HasErrors);
    }

    [Fact]
    public void A_stray_character_after_a_closing_brace_or_an_unterminated_comment_there_flags_nothing_before_it()
    {
        var model = Bind(Space + Persona.TrimEnd('\n') + " @\n" + Goal + Scenario + "/* never closed\n");
        Assert.False(model.Personas.Single().HasErrors);
        Assert.False(model.Goals.Single().HasErrors);
        Assert.False(model.Scenarios.Single().HasErrors);
    }

    [Fact]
    public void A_stray_character_before_the_first_declaration_flags_nothing()
    {
        var model = Bind("@\n" + Space + Persona + Goal + Scenario);
        Assert.False(model.Spaces.Single().HasErrors);
        Assert.False(model.Scenarios.Single().HasErrors);
    }

    [Fact]
    public void A_stray_character_inside_a_declaration_flags_it_and_what_uses_it()
    {
        var model = Bind(Space + Persona + "goal Calm in Mood { target { calm: 0.9 } @ }\n" + Scenario);
        Assert.False(model.Personas.Single().HasErrors);
        Assert.True(model.Goals.Single().HasErrors);
        Assert.True(model.Scenarios.Single().HasErrors);
    }

    [Fact]
    public void A_declaration_left_open_at_the_end_of_the_file_is_flagged()
    {
        var model = Bind(Space + Persona + Scenario + "goal Calm in Mood { target { calm: 0.9 }\n// the end\n");
        Assert.True(model.Goals.Single().HasErrors);
        Assert.True(model.Scenarios.Single().HasErrors);
    }
}

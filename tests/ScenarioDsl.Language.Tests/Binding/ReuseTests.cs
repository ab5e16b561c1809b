using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;
using Xunit;

namespace ScenarioDsl.Language.Tests.Binding;

/// <summary>
/// A compilation made with <see cref="EmpsCompilation.WithText"/> replays the binding of unchanged
/// personas and goals; its diagnostics, model and index must equal those of a compilation of freshly
/// parsed files (which shares no syntax and so reuses nothing), after any sequence of edits.
/// </summary>
public class ReuseTests
{
    /// <summary>The shipped scenarios, plus (with <paramref name="broken"/>) the baseline files full of errors.</summary>
    private static IReadOnlyList<SourceText> Library(bool broken = true)
    {
        var root = TestPaths.RepoRoot;
        var files = Directory.GetFiles(Path.Combine(root, "scenarios"), "*.emps")
            .Concat(broken ? Directory.GetFiles(Path.Combine(root, "tests", "ScenarioDsl.Language.Tests", "Baselines", "Files"), "*.emps") : Array.Empty<string>())
            .OrderBy(f => f, StringComparer.Ordinal);
        return files.Select(f => SourceText.From(File.ReadAllText(f), Path.GetFileName(f))).ToList();
    }

    [Theory]
    [InlineData("student-under-pressure.emps")]
    [InlineData("brief-benchmark.emps")]
    public void An_edit_rebinds_only_the_edited_file(string edited)
    {
        var texts = Library(broken: false); // every persona, goal and scenario complete and declared once: all are reusable
        var first = EmpsCompilation.Create(texts);
        Assert.Equal(0, first.ReusedDeclarations);

        var text = texts.Single(t => t.Path == edited);
        var second = first.WithText(SourceText.From(text.Text + "\n// a comment\n", text.Path));
        int Reusable(ScenarioDsl.Language.Syntax.SyntaxTree tree) => tree.Root.Declarations.Count(d =>
            d is ScenarioDsl.Language.Syntax.PersonaDeclarationSyntax or ScenarioDsl.Language.Syntax.GoalDeclarationSyntax or ScenarioDsl.Language.Syntax.ScenarioDeclarationSyntax);
        int inEdited = Reusable(second.SyntaxTrees.Single(t => t.Path == edited));
        int elsewhere = second.SyntaxTrees.Where(t => t.Path != edited).Sum(Reusable);
        Assert.True(inEdited > 0 && elsewhere > 0);
        Assert.Equal(elsewhere, second.ReusedDeclarations);
        AssertSameAsFresh(second);
    }

    [Fact]
    public void A_changed_space_rebinds_what_is_in_it()
    {
        var texts = Library();
        var first = EmpsCompilation.Create(texts);
        var student = texts.First(t => t.Path == "student-under-pressure.emps");
        // Narrowing a dimension's range must re-check every start, target and effect in that space.
        var narrowed = student.Text.Replace("distress    [0, 1]", "distress    [0, 0.5]");
        Assert.NotEqual(student.Text, narrowed);
        var second = first.WithText(SourceText.From(narrowed, student.Path));
        AssertSameAsFresh(second);
        Assert.Contains(second.Diagnostics, d => d.Code == "EMPS2001" || d.Code == "EMPS2004");
    }

    [Fact]
    public void A_scenario_is_rebound_when_the_persona_or_goal_it_names_changes_in_another_file()
    {
        const string space = "space S { a [0, 1] }\ncues { v \"ok\" }\n";
        string People(double start, string name = "Worrier") =>
            $"persona {name} in S {{\n  start {{ a: {start.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}\n  on v => a += 0.1\n  says \"hm\"\n}}\n" +
            "goal Up in S {\n  target { a: 0.5 }\n}\n";
        const string scenario = "scenario Calm {\n  persona Worrier\n  goal Up\n}\n";
        var compilation = EmpsCompilation.Create(new[]
        {
            SourceText.From(space, "space.emps"), SourceText.From(People(0.1), "people.emps"), SourceText.From(scenario, "scenario.emps"),
        });
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Location.Path == "scenario.emps" && d.Severity >= ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Warning);

        // The persona now starts at the target: the scenario (another file) must report EMPS2008-style convergence.
        compilation = compilation.WithText(SourceText.From(People(0.5), "people.emps"));
        AssertSameAsFresh(compilation);
        Assert.Contains(compilation.Diagnostics, d => d.Location.Path == "scenario.emps");

        // The persona is renamed: the scenario's reference no longer resolves, with a suggestion.
        compilation = compilation.WithText(SourceText.From(People(0.1, "Worrie"), "people.emps"));
        AssertSameAsFresh(compilation);
        var unknown = Assert.Single(compilation.Diagnostics, d => d.Location.Path == "scenario.emps" && d.Code == "EMPS1002");
        Assert.Equal("Worrie", unknown.Suggestion?.NewText);

        // Back as it was: the scenario is clean again.
        compilation = compilation.WithText(SourceText.From(People(0.1), "people.emps"));
        AssertSameAsFresh(compilation);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Location.Path == "scenario.emps" && d.Severity >= ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Warning);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Any_sequence_of_edits_gives_what_a_fresh_compilation_gives(int seed)
    {
        var random = new Random(seed);
        var texts = Library().ToDictionary(t => t.Path, t => t.Text);
        var compilation = EmpsCompilation.Create(texts.Select(p => SourceText.From(p.Value, p.Key)));
        for (int step = 0; step < 60; step++)
        {
            var path = texts.Keys.ElementAt(random.Next(texts.Count));
            texts[path] = Mutate(texts[path], random);
            compilation = compilation.WithText(SourceText.From(texts[path], path));
            AssertSameAsFresh(compilation);
        }
    }

    /// <summary>One edit of the kinds a user makes: a line removed or duplicated, a name or number changed, a cue or space renamed.</summary>
    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int i = random.Next(lines.Count);
        switch (random.Next(6))
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[random.Next(lines.Count)]); break;
            case 2: lines[i] = System.Text.RegularExpressions.Regex.Replace(lines[i], @"\d+\.\d+", _ => (random.NextDouble() * 3 - 1).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)); break;
            case 3:
                var words = System.Text.RegularExpressions.Regex.Matches(text, @"\b[a-z][a-z_]+\b").Select(m => m.Value).Distinct().ToList();
                if (words.Count > 1) lines[i] = lines[i].Replace(words[random.Next(words.Count)], words[random.Next(words.Count)]);
                break;
            case 4: return text.Replace(" distress", " distres"); // renames a dimension everywhere in the file
            default: return text.Replace("validation", random.Next(2) == 0 ? "validations" : "validation");
        }
        return string.Join("\n", lines);
    }

    private static void AssertSameAsFresh(EmpsCompilation compilation)
    {
        var fresh = EmpsCompilation.Create(compilation.SyntaxTrees.Select(t => SourceText.From(t.Text.Text, t.Path)));
        Assert.Equal(0, fresh.ReusedDeclarations);
        Assert.Equal(Render(fresh), Render(compilation));
        Assert.Equal(fresh.Model, compilation.Model);
        Assert.Equal(fresh.Index.Definitions, compilation.Index.Definitions);
        Assert.Equal(fresh.Index.References, compilation.Index.References);
    }

    private static string Render(EmpsCompilation c) =>
        string.Join("\n", c.Diagnostics.Select(d => $"{d} [{d.Location.Span}] {d.Suggestion?.NewText}"));
}

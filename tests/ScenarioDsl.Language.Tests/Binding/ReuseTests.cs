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

    [Fact]
    public void An_edit_rebinds_only_the_edited_file()
    {
        var texts = Library(broken: false); // every persona and goal complete and declared once: all are reusable
        var first = EmpsCompilation.Create(texts);
        Assert.Equal(0, first.ReusedDeclarations);
        int personasAndGoals = first.Model.Personas.Count + first.Model.Goals.Count;

        var edited = texts.First(t => t.Path == "student-under-pressure.emps");
        var second = first.WithText(SourceText.From(edited.Text + "\n// a comment\n", edited.Path));
        int inEdited = second.SyntaxTrees.Single(t => t.Path == edited.Path).Root.Declarations
            .Count(d => d.Kind is ScenarioDsl.Language.Syntax.DeclarationKind.Persona or ScenarioDsl.Language.Syntax.DeclarationKind.Goal);
        Assert.True(inEdited > 0);
        Assert.Equal(personasAndGoals - inEdited, second.ReusedDeclarations);
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

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScenarioDsl.Generators.Pipeline;
using ScenarioDsl.Language.Text;
using ScenarioDsl.Generators.Tests.Infrastructure;

namespace ScenarioDsl.Generators.Tests;

/// <summary>The pipeline caches: an edit re-emits only what it touches (GeneratorDriver step tracking).</summary>
public sealed class IncrementalityTests
{
    private const int Files = 20;

    internal static string SpaceFile(string calm = "[0, 1]") => $$"""
        space Mood "How one feels" {
          calm {{calm}} "calmness"
          trust [-1, 1]
        }
        cues {
          kind "that makes sense"
          ask "?"
        }
        """;

    internal static string PersonaFile(int i, double start = 0.2) => $$"""
        persona P{{i}} in Mood {
          start { calm: {{start.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, trust: 0 }
          on kind => calm += 0.1
          on ask when calm < 0.5 => trust += 0.05
          says "hm"
        }
        goal G{{i}} in Mood { target { calm: 0.9 } }
        scenario S{{i}} { persona P{{i}} goal G{{i}} seed {{i}} }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText[] Texts) Warm()
    {
        var texts = new List<AdditionalText> { new InMemoryAdditionalText("/p/space.emps", SpaceFile()) };
        for (int i = 0; i < Files; i++) texts.Add(new InMemoryAdditionalText($"/p/persona{i:D2}.emps", PersonaFile(i)));
        var compilation = GeneratorHarness.CreateCompilation("namespace User { public static class Code { public static int X => 1; } }");
        var driver = GeneratorHarness.CreateDriver(texts).RunGenerators(compilation);
        return (driver, compilation, texts.ToArray());
    }

    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => (o.Value, o.Reason))
            .ToList();

    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => (o.Value, o.Reason)).ToList();

    [Fact]
    public void Editing_one_file_modifies_only_its_outputs()
    {
        var (driver, compilation, texts) = Warm();
        var edited = new InMemoryAdditionalText("/p/persona07.emps", PersonaFile(7, start: 0.3));
        driver = driver.ReplaceAdditionalText(texts[8], edited).RunGenerators(compilation);

        var files = Outputs(driver, TrackingNames.FileInput);
        Assert.Equal(1, files.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(Files, files.Count(o => o.Reason == IncrementalStepRunReason.Cached));

        var items = Outputs(driver, TrackingNames.EmitItem);
        var modified = items.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((EmitFile)o.Value).HintName).ToArray();
        Assert.Equal(["persona07.emps.g.cs"], modified);
        Assert.All(items.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));

        var sources = SourceOutputs(driver);
        Assert.Equal(1, sources.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.All(sources.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_a_range_re_emits_the_space_and_its_personas()
    {
        // The ranges are constants of each persona's compiled step, so the personas' outputs depend on them.
        var (driver, compilation, texts) = Warm();
        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText("/p/space.emps", SpaceFile("[0, 2]"))).RunGenerators(compilation);
        var modified = Outputs(driver, TrackingNames.EmitItem)
            .Where(o => o.Reason == IncrementalStepRunReason.Modified)
            .Select(o => ((EmitFile)o.Value).HintName)
            .OrderBy(h => h, StringComparer.Ordinal);
        var expected = Enumerable.Range(0, Files).Select(i => $"persona{i:D2}.emps.g.cs").Append("space.emps.g.cs").OrderBy(h => h, StringComparer.Ordinal);
        Assert.Equal(expected, modified);
    }

    [Fact]
    public void Identical_text_is_unchanged()
    {
        var (driver, compilation, texts) = Warm();
        var same = new InMemoryAdditionalText("/p/persona03.emps", PersonaFile(3));
        driver = driver.ReplaceAdditionalText(texts[4], same).RunGenerators(compilation);

        var files = Outputs(driver, TrackingNames.FileInput);
        Assert.Equal(1, files.Count(o => o.Reason == IncrementalStepRunReason.Unchanged));
        Assert.DoesNotContain(files, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(driver, TrackingNames.AllFiles), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(Outputs(driver, TrackingNames.EmitItem), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(SourceOutputs(driver), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_csharp_only_edit_keeps_everything_cached()
    {
        var (driver, compilation, _) = Warm();
        var changed = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { public static class More { } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(changed);

        foreach (var step in new[] { TrackingNames.FileInput, TrackingNames.AllFiles, TrackingNames.BoundModel, TrackingNames.Options, TrackingNames.EmitModels, TrackingNames.EmitItem, TrackingNames.Errors })
            Assert.All(Outputs(driver, step), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        // The xunit check reads the compilation, so it runs again, finds the same answer and stops there.
        Assert.All(Outputs(driver, TrackingNames.Xunit), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(SourceOutputs(driver), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Referencing_xunit_re_emits_only_the_files_with_suites()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps"));
        var without = GeneratorHarness.CreateCompilation("namespace User { }", xunit: false);
        // A second file without a suite: its output stays as it was.
        var texts = GeneratorHarness.Texts(("/s.emps", text), ("/t.emps", "goal Other in Wellbeing { target { distress: 0.1 } }"));
        var driver = GeneratorHarness.CreateDriver(texts).RunGenerators(without);
        Assert.False((bool)Outputs(driver, TrackingNames.Xunit).Single().Value);

        driver = driver.RunGenerators(without.WithReferences(GeneratorHarness.References));
        Assert.True((bool)Outputs(driver, TrackingNames.Xunit).Single().Value);
        var modified = Outputs(driver, TrackingNames.EmitItem).Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((EmitFile)o.Value).HintName);
        Assert.Equal(["s.emps.g.cs"], modified);
        Assert.Contains(Outputs(driver, TrackingNames.EmitItem), o => ((EmitFile)o.Value).HintName == "t.emps.g.cs" && o.Reason == IncrementalStepRunReason.Unchanged);
        Assert.Equal(1, SourceOutputs(driver).Count(o => o.Reason == IncrementalStepRunReason.Modified));
    }

    [Fact]
    public void Every_named_step_is_tracked()
    {
        var (driver, _, _) = Warm();
        var steps = driver.GetRunResult().Results.Single().TrackedSteps.Keys;
        foreach (var name in StepNames())
            Assert.Contains(name, steps);
    }

    private static IEnumerable<string> StepNames() =>
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

    [Fact]
    public void Pipeline_values_hold_no_symbols_syntax_or_compilations()
    {
        var (driver, _, _) = Warm();
        var seen = new HashSet<Type>();
        // The generator's own steps; Roslyn's input nodes (the "Compilation" the xunit check reads) are not its values.
        var tracked = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var step in StepNames().SelectMany(name => tracked[name]))
            foreach (var (value, _) in step.Outputs)
                Walk(value, seen, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.Contains(typeof(ScenarioDsl.Language.Binding.BoundModel), seen);
        Assert.Contains(typeof(PersonaModel), seen);
    }

    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SyntaxTree), typeof(SemanticModel),
        typeof(ScenarioDsl.Language.Syntax.SyntaxTree), typeof(ScenarioDsl.Language.Syntax.SyntaxNode),
    ];

    private static void Walk(object? value, HashSet<Type> seen, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"pipeline value holds a {type}");
        if (!type.IsValueType && !visited.Add(value)) return;
        seen.Add(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(value)!) return;
        if (value is System.Collections.IEnumerable sequence)
        {
            foreach (var item in sequence) Walk(item, seen, visited);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                Walk(field.GetValue(value), seen, visited);
    }
}

/// <summary>
/// The emit-model builder's memo of its previous builds. It keeps the last few builds of the process, so this runs
/// alone (with the parse cache tests): builds of other tests at the same time could push out the one it looks for.
/// </summary>
[Collection(nameof(ParseCacheTests))]
public sealed class EmitModelReuseTests
{
    [Fact]
    public void The_emit_models_of_unchanged_declarations_are_the_previous_objects()
    {
        // The binder keeps unchanged declarations' symbols across compilations; the builder then hands back the
        // previous models and files themselves, so Roslyn compares them by reference. Anything else makes them anew.
        var texts = Enumerable.Range(0, 5).Select(i => SourceText.From(IncrementalityTests.PersonaFile(i), $"/p/persona{i:D2}.emps")).Prepend(SourceText.From(IncrementalityTests.SpaceFile(), "/p/space.emps"));
        var compilation = ScenarioDsl.Language.Binding.EmpsCompilation.Create(texts);
        var first = EmitModelBuilder.Build(compilation.Model, new EmitOptions("A"));
        var edited = compilation.WithText(SourceText.From(IncrementalityTests.PersonaFile(3, start: 0.4), "/p/persona03.emps"));
        var second = EmitModelBuilder.Build(edited.Model, new EmitOptions("A"));
        Assert.Equal(first.Select(f => f.HintName), second.Select(f => f.HintName));
        for (int i = 0; i < first.Count; i++)
        {
            bool editedFile = first[i].HintName == "persona03.emps.g.cs";
            Assert.Equal(!editedFile, ReferenceEquals(first[i], second[i]));
            Assert.Equal(editedFile, !first[i].Equals(second[i]));
        }

        var other = EmitModelBuilder.Build(edited.Model, new EmitOptions("B"));
        Assert.All(other, f => Assert.Equal("B", f.Namespace));
        Assert.All(other.SelectMany(f => f.Declarations), d => Assert.Equal("B", d.Namespace));
        Assert.Equal(second.Count, other.Count);
        Assert.All(second.Zip(other), p => Assert.False(ReferenceEquals(p.First, p.Second)));
    }

    [Fact]
    public void Builds_after_files_come_and_go_equal_a_fresh_build()
    {
        // The builder keeps each file's slot, its path order and hint names from build to build, and reuses them
        // only while the set of files is the same. Each step below is compared with a build from freshly parsed
        // texts (new symbols, so nothing to reuse): hint names numbered as from scratch, files equal, none missing.
        static SourceText Persona(string path, int i, double start = 0.2) => SourceText.From(IncrementalityTests.PersonaFile(i, start), path);
        var texts = new List<SourceText>
        {
            SourceText.From(IncrementalityTests.SpaceFile(), "/p/space.emps"),
            Persona("/a/x.emps", 1), Persona("/b/x.emps", 2), Persona("/c/X.emps", 3), Persona("/d/y.emps", 4),
        };
        var compilation = ScenarioDsl.Language.Binding.EmpsCompilation.Create(texts);
        var steps = new List<(string What, Func<ScenarioDsl.Language.Binding.EmpsCompilation, ScenarioDsl.Language.Binding.EmpsCompilation> Change)>
        {
            ("edit a numbered file", c => c.WithText(Persona("/b/x.emps", 2, start: 0.3))),
            ("remove the file with the plain hint", c => c.RemoveFile("/a/x.emps")),
            ("add it back", c => c.WithText(Persona("/a/x.emps", 1))),
            ("rename a file", c => c.RemoveFile("/d/y.emps").WithText(Persona("/d/z.emps", 4))),
            ("a file loses its declarations to an error", c => c.WithText(SourceText.From("persona P3 in Nowhere { start { calm: 0 } }", "/c/X.emps"))),
            ("and gets them back", c => c.WithText(Persona("/c/X.emps", 3))),
            ("nothing changes", c => c),
            ("a new file sorts first", c => c.WithText(Persona("/0/x.emps", 5))),
        };
        var build = EmitModelBuilder.Build(compilation.Model, new EmitOptions("N"));
        foreach (var (what, change) in steps)
        {
            compilation = change(compilation);
            build = EmitModelBuilder.Build(compilation.Model, new EmitOptions("N"));
            var fresh = ScenarioDsl.Language.Binding.EmpsCompilation.Create(compilation.SyntaxTrees.Select(t => SourceText.From(t.Text.Text, t.Path)));
            var expected = EmitModelBuilder.Build(fresh.Model, new EmitOptions("N"));
            Assert.True(expected.Count > 2, what);
            Assert.True(expected.Select(f => f.HintName).SequenceEqual(build.Select(f => f.HintName)),
                $"{what}: {string.Join(", ", build.Select(f => f.HintName))} instead of {string.Join(", ", expected.Select(f => f.HintName))}");
            Assert.True(expected.Equals(build), what);
        }
        Assert.Contains(build, f => f.HintName == "x.emps.g.cs");
        Assert.Contains(build, f => f.HintName == "X.emps.4.g.cs");
    }
}

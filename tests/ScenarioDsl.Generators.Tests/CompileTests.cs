using CsCheck;
using ScenarioDsl.Generators.Tests.Infrastructure;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Generators.Tests;

/// <summary>Generated code compiles with zero warnings (nullable, warnings as errors, XML docs checked).</summary>
public sealed class CompileTests
{
    /// <summary>Random scenarios per run: EMPS_RANDOM_ITERATIONS, else 1,000 under CI (CI=true), else 150.</summary>
    internal static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("EMPS_RANDOM_ITERATIONS"), out long n) && n > 0 ? n
        : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? 1000 : 150;

    [Fact]
    public void Random_valid_scenarios_compile_without_warnings()
    {
        RandomEmps.Files.Sample(text =>
        {
            var compilation = EmpsCompilation.FromText(text, "/random/file.emps");
            Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics) + "\n" + text);
            var output = GeneratorHarness.Generate("/random/file.emps", text);
            Assert.Contains("Scenarios.RandomScenario", output.Members());
            Assert.Contains("Suites.RandomSuite", output.Members());
            GeneratorHarness.AssertCompilesClean(output, text);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Every_emps_file_name_becomes_a_distinct_valid_hint_name()
    {
        // One generated file per .emps file, named after it without its folders (either separator): characters other
        // than letters, digits and .,-+`_()[]{} become '_', and names
        // that collide (same file name in two folders, case, or after replacement) are numbered in path order.
        var files = new (string Path, string Text)[]
        {
            ("/p/space.emps", "space Mood { calm [0, 1] }\ncues { kind \"x\" }"),
            ("/p/a/same.emps", "persona One in Mood { start { calm: 0 } says \"x\" }"),
            ("/p/b/same.emps", "persona Two in Mood { start { calm: 0 } says \"x\" }"),
            ("/p/c/SAME.emps", "persona Three in Mood { start { calm: 0 } says \"x\" }"),
            ("/p/my file's #1 \U0001F642.emps", "persona Four in Mood { start { calm: 0 } says \"x\" }"),
            ("/p/my file_s _1 __.emps", "persona Five in Mood { start { calm: 0 } says \"x\" }"),
            ("C:\\work\\windows.emps", "goal Calm in Mood { target { calm: 1 } }\nscenario S { persona One goal Calm }"),
        };
        var output = GeneratorHarness.Generate(files);
        GeneratorHarness.AssertCompilesClean(output);
        Assert.Equal(
            ["Cues.g.cs", "SAME.emps.3.g.cs", "my_file_s__1___.emps.2.g.cs", "my_file_s__1___.emps.g.cs", "same.emps.2.g.cs", "same.emps.g.cs", "space.emps.g.cs", "windows.emps.g.cs"],
            output.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        Assert.Equal(["Personas.Five", "Personas.Four", "Personas.One", "Personas.Three", "Personas.Two"],
            output.Members().Where(m => m.StartsWith("Personas.", StringComparison.Ordinal)).OrderBy(m => m, StringComparer.Ordinal));
    }

    public static TheoryData<string> HostileStrings => new()
    {
        "say \\\"hi\\\" and \\\\ back",
        "two\\nlines\\u000D\\nand\\ttab",
        "ends a comment */ and /* opens one",
        "#endregion\\n#if false\\n#line 1 \\\"evil\\\"",
        "triple \\\"\\\"\\\" quotes {braces} $\\\"{x}\\\"",
        "emoji 😀 and \\uD83D\\uDE00 and ünïcödé",
        "</summary><script>&amp; <c>x</c>",
        "line\\u2028separator\\u2029paragraph\\u0085next",
        "nul \\u0000 bell \\u0007 del \\u007F",
        "lone \\uD800 surrogate",
        "",
        "   ",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Hostile_strings_compile_and_survive_exactly(string s)
    {
        string text = $$"""
            space Space "{{s}}" {
              mood [-1, 1] "{{s}}"
            }
            cues {
              kind "{{(s.Trim().Length == 0 ? "x" : s)}}"
            }
            persona Who in Space {
              about "{{s}}"
              start { mood: 0 }
              opens "{{s}}"
              on kind => mood += 0.1
              says when mood > 0.5 "{{s}}"
              says "{{s}}"
            }
            goal Up in Space "{{s}}" {
              target { mood: 0.5 }
            }
            scenario Run { persona Who goal Up }
            """;
        var compilation = EmpsCompilation.FromText(text, "/hostile/file.emps");
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string expected = compilation.Model.Personas.Single().Opens;

        var output = GeneratorHarness.Generate("/hostile/file.emps", text);
        GeneratorHarness.AssertCompilesClean(output, text);
        var assembly = output.Load();
        var persona = assembly.GetType(GeneratorHarness.Namespace + ".Personas")!.GetProperty("Who")!.GetValue(null)!;
        var definition = (ScenarioDsl.Runtime.Definitions.PersonaDefinition)persona.GetType().GetProperty("Definition")!.GetValue(persona)!;
        Assert.Equal(expected, definition.Opens);
        Assert.Equal(compilation.Model.Personas.Single().About, definition.About);
        Assert.Equal(expected, definition.Says[1].Text);
        Assert.Equal(compilation.Model.Spaces.Single().Description, definition.Space.Description);
    }

    public static TheoryData<string> KeywordNames => new()
    {
        "class", "namespace", "int", "return", "void", "static", "string", "object", "System", "global", "var",
        "Equals", "GetType", "ToString", "Array", "Personas_x", "value", "_1x", "record", "async", "await",
        // A record struct's synthesized PrintMembers (CS0102 before EMPS1003 knew it); Finalize, which `new` would make CS0109.
        "print_members", "PrintMembers", "finalize", "Finalize", "nameof",
    };

    [Theory]
    [MemberData(nameof(KeywordNames))]
    public void Names_that_are_keywords_or_framework_names_compile(string name)
    {
        string text = $$"""
            space {{name}} {
              {{name}} [-1, 1]
              other [0, 1]
            }
            cues {
              {{name}} "hello"
            }
            persona {{name}} in {{name}} {
              start { {{name}}: 0, other: 0.5 }
              on {{name}} when {{name}} < 0.5 => {{name}} += 0.1
              says "ok"
            }
            goal {{name}} in {{name}} {
              target { {{name}}: 0.5 }
            }
            scenario {{name}} { persona {{name}} goal {{name}} }
            suite {{name}} { personas {{name}} goals {{name}} seeds 1..2 }
            """;
        var compilation = EmpsCompilation.FromText(text, "/names/file.emps");
        var output = GeneratorHarness.Generate("/names/file.emps", text);
        GeneratorHarness.AssertCompilesClean(output, string.Join("\n", compilation.Diagnostics));
        if (!compilation.HasErrors)
        {
            // Everything valid was emitted: the scenario and the suite exist.
            Assert.Contains(output.Members(), m => m.StartsWith("Scenarios.", StringComparison.Ordinal) && m != "Scenarios.DeclaredCues__");
            Assert.Contains(output.Members(), m => m.StartsWith("Suites.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EmpsNamespace_overrides_RootNamespace_and_global_namespace_works()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps"));
        var custom = GeneratorHarness.Generate([("/s.emps", text)], options: TestOptionsProvider.WithNamespace("My.Root", "Custom.Emps"));
        GeneratorHarness.AssertCompilesClean(custom);
        Assert.NotNull(custom.Compilation.GetTypeByMetadataName("Custom.Emps.WellbeingState"));

        var root = GeneratorHarness.Generate([("/s.emps", text)], options: TestOptionsProvider.WithNamespace("My.Root"));
        Assert.NotNull(root.Compilation.GetTypeByMetadataName("My.Root.Scenarios"));

        var global = GeneratorHarness.Generate([("/s.emps", text)], options: TestOptionsProvider.WithNamespace(null));
        GeneratorHarness.AssertCompilesClean(global);
        Assert.NotNull(global.Compilation.GetTypeByMetadataName("Personas"));

        // `nameof` as a namespace: generated code that wrote nameof(index) bound it to the namespace (CS0118).
        var nameofNamespace = GeneratorHarness.Generate([("/s.emps", text)], options: TestOptionsProvider.WithNamespace("nameof"));
        GeneratorHarness.AssertCompilesClean(nameofNamespace);

        var odd = GeneratorHarness.Generate([("/s.emps", text)], options: TestOptionsProvider.WithNamespace("My-Project.1st.class"));
        GeneratorHarness.AssertCompilesClean(odd);
        Assert.NotNull(odd.Compilation.GetTypeByMetadataName("My_Project._1st.class.Suites"));
    }

    [Fact]
    public void Doubles_are_emitted_exactly()
    {
        foreach (double d in new[] { 0.1, -0.08, 1e-300, double.Epsilon, 1.0 / 3, 123456789.123456789, -0.0, 5e-324, 1.7976931348623157e308 })
        {
            string literal = ScenarioDsl.Generators.Emitter.CSharpText.Double(d);
            Assert.EndsWith("d", literal);
            double parsed = double.Parse(literal.TrimEnd('d'), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(parsed));
        }
    }
}

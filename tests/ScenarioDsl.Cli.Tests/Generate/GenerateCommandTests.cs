using Microsoft.CodeAnalysis;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Generate;

/// <summary><c>emps generate</c>: the generator's own output, diagnostics as <c>emps check</c> prints them, exit codes.</summary>
public sealed class GenerateCommandTests
{
    private const string SpecExample = "scenarios/student-under-pressure.emps";

    private const string Space = "space Mood {\n  calm [0, 1] \"c\"\n}\n";

    private const string Uses = """
        cues {
          validation "yes"
        }

        persona Ok in Mood {
          start { calm: 0.5 }
          on validation => calm += 0.1
          says "hi"
        }

        goal G in Mood {
          target { calm: 0.9 }
        }

        scenario S {
          persona Ok
          goal G
        }

        suite Su {
          personas Ok
          goals G
          seeds 1..2
        }

        """;

    private const string Broken = "persona Broken in Moood {\n  start { calm: 0.5 }\n  says \"hi\"\n}\n";

    private static string SpecExamplePath => Path.Combine(TestPaths.RepositoryRoot, SpecExample);

    [Fact]
    public void The_spec_example_prints_what_the_generator_emits_in_a_build()
    {
        var result = CliRunner.Run(TestPaths.RepositoryRoot, "generate", SpecExample);

        // A build gives the generator absolute paths (they appear in #line) and no namespace property here.
        var expected = GeneratorOracle.Emit([(SpecExamplePath, File.ReadAllText(SpecExamplePath))]);
        Assert.Equal(["Cues.g.cs", "student-under-pressure.emps.g.cs"], expected.Select(f => f.HintName));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(GeneratorOracle.AsPrinted(expected), result.Out);
        Assert.Contains($"#line 24 \"{SpecExamplePath}\"", result.Out);
        Assert.DoesNotContain("\nnamespace ", result.Out);
        Assert.DoesNotContain("IXunitSerializable", result.Out);
    }

    [Theory]
    [InlineData("My.Tests", "namespace My.Tests")]
    [InlineData("My-Project", "namespace My_Project")]
    public void Namespace_is_the_EmpsNamespace_property(string ns, string declaration)
    {
        var result = CliRunner.Run(TestPaths.RepositoryRoot, "generate", SpecExample, "--namespace", ns);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(GeneratorOracle.AsPrinted(GeneratorOracle.Emit([(SpecExamplePath, File.ReadAllText(SpecExamplePath))], empsNamespace: ns)), result.Out);
        Assert.Contains("\n" + declaration + "\n", result.Out);
    }

    [Fact]
    public void Xunit_generates_as_for_a_project_that_references_xunit_v2()
    {
        var result = CliRunner.Run(TestPaths.RepositoryRoot, "generate", SpecExample, "--xunit");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(GeneratorOracle.AsPrinted(GeneratorOracle.Emit([(SpecExamplePath, File.ReadAllText(SpecExamplePath))], xunit: true)), result.Out);
        Assert.Contains("IXunitSerializable", result.Out);
    }

    [Fact]
    public void Files_and_folders_form_one_compilation()
    {
        using var folder = new TempFolder();
        string space = folder.Write("spaces/mood.emps", Space);
        string uses = folder.Write("uses.emps", Uses);

        var result = folder.Run("generate", "spaces", "uses.emps");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var expected = GeneratorOracle.Emit([(space, Space), (uses, Uses)]);
        Assert.Equal(["Cues.g.cs", "mood.emps.g.cs", "uses.emps.g.cs"], expected.Select(f => f.HintName));
        Assert.Equal(GeneratorOracle.AsPrinted(expected), result.Out);
    }

    [Fact]
    public void Errors_go_to_stderr_as_check_prints_them_exit_1_and_the_rest_is_generated()
    {
        using var folder = new TempFolder();
        string space = folder.Write("mood.emps", Space);
        string uses = folder.Write("uses.emps", Uses);
        string broken = folder.Write("broken.emps", Broken);

        var result = folder.Run("generate", ".");
        var check = folder.Run("check", ".");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.emps(1,19): error EMPS1002: unknown space 'Moood'; did you mean 'Mood'?\n", result.Error);
        Assert.Equal(check.Out + check.Error, result.Error);
        // The generator skips the broken persona and emits the rest, as in a build.
        var expected = GeneratorOracle.Emit([(broken, Broken), (space, Space), (uses, Uses)]);
        Assert.Equal(GeneratorOracle.AsPrinted(expected), result.Out);
        Assert.DoesNotContain("Broken", result.Out);
        Assert.Contains("Personas", result.Out);
    }

    [Fact]
    public void A_globalconfig_changes_severities_and_the_exit_code()
    {
        using var folder = new TempFolder();
        folder.Write("mood.emps", Space);

        var info = folder.Run("generate", "mood.emps");
        Assert.Equal(0, info.ExitCode);
        Assert.Equal("mood.emps(1,7): info EMPS4001: space 'Mood' is not used by any scenario or suite\n0 errors, 0 warnings, 1 info in 1 file\n", info.Error);

        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS4001.severity = error\n");
        var error = folder.Run("generate", "mood.emps");
        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("mood.emps(1,7): error EMPS4001:", error.Error);
        Assert.Equal(info.Out, error.Out);

        folder.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.EMPS4001.severity = none\n");
        var hidden = folder.Run("generate", "mood.emps");
        Assert.Equal(0, hidden.ExitCode);
        Assert.Equal("", hidden.Error);
    }

    [Fact]
    public void A_missing_path_exits_2_and_prints_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("mood.emps", Space);

        var result = folder.Run("generate", "mood.emps", "no/such.emps");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("emps generate: error: path not found: 'no/such.emps'\n", result.Error);
    }

    [Fact]
    public void No_path_exits_2()
    {
        var result = CliRunner.Run(TestPaths.RepositoryRoot, "generate");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_file_that_is_not_emps_exits_2()
    {
        using var folder = new TempFolder();
        folder.Write("mood.txt", Space);

        var result = folder.Run("generate", "mood.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("emps generate: error: not a .emps file: 'mood.txt' (the generator reads only *.emps files)\n", result.Error);
    }

    [Fact]
    public void Out_writes_one_file_per_hint_name_and_rewrites_only_changed_ones()
    {
        using var folder = new TempFolder();
        string space = folder.Write("mood.emps", Space);
        string uses = folder.Write("uses.emps", Uses);

        var result = folder.Run("generate", ".", "--out", "gen/code");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("wrote gen/code/Cues.g.cs\nwrote gen/code/mood.emps.g.cs\nwrote gen/code/uses.emps.g.cs\n", result.Out);
        foreach (var (hint, text) in GeneratorOracle.Emit([(space, Space), (uses, Uses)]))
            Assert.Equal(text, File.ReadAllText(Path.Combine(folder.Path, "gen", "code", hint)));

        var again = folder.Run("generate", ".", "--out", "gen/code");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("", again.Out);
    }

    [Fact]
    public void Out_naming_a_file_exits_2_and_leaves_it_alone()
    {
        using var folder = new TempFolder();
        folder.Write("mood.emps", Space);
        string file = folder.Write("gen", "keep");

        var result = folder.Run("generate", "mood.emps", "--out", "gen");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("emps generate: error: --out 'gen' is a file, not a folder\n", result.Error);
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_generated_files_compile_without_warnings(bool xunit)
    {
        using var folder = new TempFolder();
        string[] args = ["generate", Path.Combine(TestPaths.RepositoryRoot, "scenarios"), "--out", "gen", "--namespace", "Consumer"];
        var result = folder.Run(xunit ? [.. args, "--xunit"] : args);
        Assert.Equal(0, result.ExitCode);

        var sources = Directory.GetFiles(Path.Combine(folder.Path, "gen")).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.Contains(sources, s => s.Contains("class StudentSuite", StringComparison.Ordinal));
        var diagnostics = GeneratorOracle.CreateCompilation(sources, xunit).GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToArray();
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics.Take(20)));
    }

    [Fact]
    public void Help_lists_generate()
    {
        var result = CliRunner.Run(TestPaths.RepositoryRoot, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("generate <FILE>", result.Out);
    }
}

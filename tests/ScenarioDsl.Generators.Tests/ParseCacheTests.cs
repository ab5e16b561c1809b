using ScenarioDsl.Generators.Pipeline;
using ScenarioDsl.Generators.Tests.Infrastructure;

namespace ScenarioDsl.Generators.Tests;

/// <summary>
/// The analyzer and the generator share parsed files and compilations. The cache keeps the last few compilations of
/// the process, so these tests run alone: other tests generating at the same time would evict what they look for.
/// </summary>
[Collection(nameof(ParseCacheTests))]
public sealed class ParseCacheTests
{
    [Fact]
    public void The_same_files_give_the_same_compilation_and_an_edit_reparses_one_file()
    {
        string id = Guid.NewGuid().ToString("N");
        var files = Enumerable.Range(0, 5).Select(i => new EmpsFileInput($"/cache/{id}/f{i}.emps", $"space S{i}_{id[..6]} {{ a [0, 1] }}\n")).ToArray();
        var first = EmpsParseCache.GetCompilation(files);
        var second = EmpsParseCache.GetCompilation(files.Select(f => f with { }).ToArray());
        Assert.Same(first, second);

        var edited = files.ToArray();
        edited[2] = edited[2] with { Text = "space Edited { a [0, 1] }\n" };
        var third = EmpsParseCache.GetCompilation(edited);
        Assert.NotSame(first, third);
        for (int i = 0; i < files.Length; i++)
        {
            if (i == 2) Assert.NotSame(first.SyntaxTrees[i], third.SyntaxTrees[i]);
            else Assert.Same(first.SyntaxTrees[i], third.SyntaxTrees[i]);
        }
    }

    [Fact]
    public void A_checksum_hit_with_different_text_is_not_served_from_the_cache()
    {
        // Same path, different text: a new tree, never the cached one.
        string path = "/cache/" + Guid.NewGuid().ToString("N") + ".emps";
        var a = EmpsParseCache.Parse(ScenarioDsl.Language.Text.SourceText.From("space A { x [0, 1] }", path));
        var b = EmpsParseCache.Parse(ScenarioDsl.Language.Text.SourceText.From("space B { x [0, 1] }", path));
        Assert.NotSame(a, b);
        Assert.Contains("space B", b.Text.Text);
    }

    [Fact]
    public void Analyzer_after_generator_reuses_the_generators_compilation()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps"));
        string path = "/cache/" + Guid.NewGuid().ToString("N") + "/spec.emps";
        GeneratorHarness.Generate(path, text);
        var fromGenerator = EmpsParseCache.GetCompilation([new EmpsFileInput(path, text)]);
        var diagnostics = AnalyzerTests.Analyze((path, text));
        Assert.Same(fromGenerator, EmpsParseCache.GetCompilation([new EmpsFileInput(path, text)]));
        Assert.Equal(fromGenerator.Diagnostics.Count, diagnostics.Length);
    }
}

[CollectionDefinition(nameof(ParseCacheTests), DisableParallelization = true)]
public sealed class ParseCacheCollection;

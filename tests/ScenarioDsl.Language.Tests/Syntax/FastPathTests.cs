using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Syntax;

/// <summary>
/// The grammar's fast paths (Grammar.FastPaths.cs) must give exactly what its general Sprache parsers
/// give: the same nodes, tokens and diagnostics. Every robustness input is also compared this way
/// (Invariants); these are the shapes at the edges of each fast path, where a fast path must either
/// read the same thing or leave the member to the general parser.
/// </summary>
public class FastPathTests
{
    public static TheoryData<string> EdgeCases() => new()
    {
        // rules: conditions and effects, separators, missing and extra parts
        "space S { a [0, 1] }\npersona P in S { on c => a += 0.1 }",
        "space S { a [0, 1] b [-1, 1] }\npersona P in S { on c when a > 0.1 and b <= -0.5 => a += 0.1, b -= 0.2 }",
        "persona P in S { on c when a > 0.1 and => a += 0.1 }",
        "persona P in S { on c when a > 0.1 b < 1 => a += 0.1 }",
        "persona P in S { on c when => a += 0.1 }",
        "persona P in S { on c => a += 0.1, }",
        "persona P in S { on c => a += 0.1,, b += 1 }",
        "persona P in S { on c a += 0.1 }",
        "persona P in S { on => a += 0.1 }",
        "persona P in S { on c => a = 0.1 }",
        "persona P in S { on c => a += b }",
        "persona P in S { on c => a += NaN }",
        "persona P in S { on c when a > Infinity => a += 1 }",
        "persona P in S { on c => a += 0.1 b += 0.2 }",
        "persona P in S { on c when when a > 1 => a += 1 }",
        "persona P in S { on c when a > 1 and and b > 1 => a += 1 }",
        "persona P in S { on c => }",
        "persona P in S { on c when a > 1 => a += 1",
        // says
        "persona P in S { says \"x\" }",
        "persona P in S { says when a > 0.5 \"x\" }",
        "persona P in S { says when a > 0.5 }",
        "persona P in S { says when \"x\" }",
        "persona P in S { says }",
        "persona P in S { says \"x\" \"y\" }",
        // entries
        "persona P in S { start { } }",
        "persona P in S { start { a: 0.5 } }",
        "persona P in S { start { a: 0.5, } }",
        "persona P in S { start { a: 0.5, b: -1 } }",
        "persona P in S { start { a: 0.5,, } }",
        "persona P in S { start { , } }",
        "persona P in S { start { a 0.5 } }",
        "persona P in S { start { a: } }",
        "persona P in S { start { a: 0.5 b: 1 } }",
        "persona P in S { start { a: 0.5 }",
        "persona P in S { start a: 0.5 } }",
        "goal G in S { target { a: 1, b: 2, } weights { alignment: 1 } }",
        // dimensions and cues
        "space S { a [0, 1] \"about a\" b [-1, 1] }",
        "space S { a [0 1] }",
        "space S { a [0, 1 }",
        "space S { a 0, 1] }",
        "space S { a [x, 1] }",
        "space S { a [0, 1] \"d\" \"e\" }",
        "cues { c \"x\" }",
        "cues { c \"x\", \"y\", \"z\" }",
        "cues { c \"x\", }",
        "cues { c \"x\" \"y\" }",
        "cues { c }",
        "cues { \"x\" }",
        // headers
        "space S \"described\" { a [0, 1] }",
        "space { a [0, 1] }",
        "persona P S { }",
        "persona P in { }",
        "persona P in S \"described\" { }",
        "goal G in S \"described\" { turns 3 }",
        "goal G in S \"a\" \"b\" { }",
        "scenario X { persona P goal G }",
        "scenario X \"d\" { }",
        "cues \"d\" { }",
        "suite U { personas A, B, C goals G seeds 1..3 }",
        "suite U { personas A, B, goals G }",
        "suite U { personas A B }",
        "suite U { personas }",
        "suite U { personas , A }",
        // a declaration cut short at the end of the file, and members at the end of the input
        "persona P in S { on c when a >",
        "persona P in S { start { a: 0.5,",
        "space S { a [0, 1] \"d\"",
        "persona",
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Fast_paths_give_what_the_general_parsers_give(string text)
    {
        var source = SourceText.From(text, "edge.emps");
        var fast = SyntaxTree.Parse(source);
        var general = SyntaxDump.ParseGeneralOnly(source);
        Assert.Equal(SyntaxDump.Of(general), SyntaxDump.Of(fast));
    }

    [Theory]
    [MemberData(nameof(Baselines.BaselineTests.Inputs), MemberType = typeof(Baselines.BaselineTests))]
    public void Baseline_files_and_shipped_scenarios_parse_the_same_both_ways(string relativePath)
    {
        var source = SourceText.FromBytes(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, relativePath)), relativePath);
        Assert.Equal(SyntaxDump.Of(SyntaxDump.ParseGeneralOnly(source)), SyntaxDump.Of(SyntaxTree.Parse(source)));
    }

    [Fact]
    public void Fast_paths_are_taken_on_well_formed_members()
    {
        // A well-formed file: with the fast paths, the grammar makes one Sprache input and result per
        // member instead of one per token, which shows in the bytes parsing allocates (exact, per thread).
        var source = SourceText.FromBytes(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "scenarios", "brief-benchmark.emps")), "brief-benchmark.emps");
        SyntaxTree.Parse(source);
        SyntaxDump.ParseGeneralOnly(source); // both warmed up: the lexer's per-thread scratch and first-call costs are paid

        long before = GC.GetAllocatedBytesForCurrentThread();
        SyntaxTree.Parse(source);
        long fast = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        SyntaxDump.ParseGeneralOnly(source);
        long general = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(fast < general * 0.7, $"parsing allocated {fast:N0} bytes with the fast paths and {general:N0} without");
    }
}

using System.Text;
using CsCheck;
using Xunit.Abstractions;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Tests.Baselines;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Robustness;

/// <summary>
/// Nothing a user can type may crash the parser or binder: the worst outcome of any input is
/// diagnostics. Together these tests feed over 110,000 inputs through parse and bind (50,000 random
/// byte strings, 40,000 token soups, 10,000 mutated files, and every prefix and single-character
/// deletion of each baseline file and shipped scenario).
/// </summary>
public class RobustnessTests
{
    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [MemberData(nameof(BaselineTests.Inputs), MemberType = typeof(BaselineTests))]
    public void Every_prefix_and_every_single_character_deletion_parses_and_binds(string relativePath)
    {
        string text = SourceText.FromBytes(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, relativePath))).Text;
        // Every position for the baseline files and the spec example; the large library files
        // (tens of KB, quadratic work) at every 11th position plus every line end.
        int stride = text.Length <= 4_096 ? 1 : 11;
        int inputs = 0;
        for (int length = 0; length <= text.Length; length++)
        {
            if (length % stride != 0 && length < text.Length && text[length] != '\n') continue;
            Invariants.Check(text.Substring(0, length));
            inputs++;
        }
        for (int i = 0; i < text.Length; i++)
        {
            if (i % stride != 0 && text[i] != '\n') continue;
            Invariants.Check(text.Remove(i, 1));
            inputs++;
        }
        _output.WriteLine($"{relativePath}: {inputs} inputs");
    }

    [Fact]
    public void Random_byte_strings_parse_and_bind()
    {
        Gen.Byte.Array[0, 300].Sample(bytes => Invariants.Check(SourceText.FromBytes(bytes, "fuzz.emps")), iter: 50_000, threads: 1);
    }

    private static readonly string[] Soup =
    {
        "space", "cues", "persona", "goal", "scenario", "suite", "in", "on", "when", "and", "says", "start", "target",
        "shift", "within", "turns", "weights", "scoring", "epm", "process", "direction", "fixed", "per", "-", "turn",
        "drift", "noise", "traits", "about", "opens", "persona", "goal", "seed", "seeds", "personas", "goals",
        "Mood", "calm", "trust", "warmth", "mirroring", "P", "G", "{", "}", "[", "]", ",", ":", "=>", "+=", "-=",
        "<", "<=", ">", ">=", "..", "0", "1", "-1", "0.5", "1e999", "NaN", "\"text\"", "\"", "\"unterminated",
        "/*", "*/", "//", "\n", "\r\n", "\t", " ", "@", "\0", "\uFFFD", "🙂", "\\u00e9",
    };

    [Fact]
    public void Random_token_soups_parse_and_bind()
    {
        Gen.Int[0, Soup.Length - 1].Array[0, 120]
            .Select(indexes => string.Join(" ", indexes.Select(i => Soup[i])))
            .Sample(Invariants.Check, iter: 40_000, threads: 1);
    }

    [Fact]
    public void Mutated_valid_files_parse_and_bind()
    {
        string valid = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scenarios", "student-under-pressure.emps"));
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 40], Gen.Int[0, Soup.Length - 1])
            .Array[1, 6]
            .Select(edits =>
            {
                var sb = new StringBuilder(valid);
                foreach (var (at, remove, insert) in edits)
                {
                    int start = Math.Min(at, sb.Length);
                    sb.Remove(start, Math.Min(remove, sb.Length - start)).Insert(start, Soup[insert]);
                }
                return sb.ToString();
            })
            .Sample(Invariants.Check, iter: 10_000, threads: 1);
    }

    [Fact]
    public void Pathological_inputs_finish_with_diagnostics()
    {
        string line = string.Concat(Enumerable.Repeat("persona X in Mood { start { calm: 0.5 } says \"x\" } ", 20_000));
        Assert.True(line.Length > 1_000_000);
        Invariants.Check(line);

        Invariants.Check(new string('{', 10_000) + new string('}', 10_000));
        Invariants.Check("persona P in S {\n" + new string('{', 10_000) + "\n}");
        Invariants.Check("space S { a [0, 1] }\npersona P in S {\n start { a: 0.5 }\n on x when " + string.Join(" and ", Enumerable.Repeat("a > 0.1", 5_000)) + " => a += 0.1\n}\n");
        Invariants.Check(new string('\0', 100_000));
        Invariants.Check(SourceText.FromBytes(Enumerable.Range(0, 100_000).Select(i => (byte)(0x80 + i % 64)).ToArray(), "bad.emps"));
        Invariants.Check("\"" + new string('a', 1_000_000));
        Invariants.Check("/*" + new string('*', 1_000_000));
        Invariants.Check(string.Concat(Enumerable.Repeat("persona P in S {\n", 5_000)));
    }

    [Fact]
    public void Many_duplicate_and_unknown_names_bind_in_reasonable_work()
    {
        // Thousands of broken declarations and unknown references: every one reported, none crashes.
        var sb = new StringBuilder("space S { a [0, 1] }\n");
        for (int i = 0; i < 3_000; i++) sb.Append("persona P in S { start { a: 0.5 } says \"x\" }\nscenario C").Append(i).Append(" { persona Q").Append(i).Append(" goal G }\n");
        var compilation = ScenarioDsl.Language.Binding.EmpsCompilation.FromText(sb.ToString());
        Assert.Equal(2_999, compilation.Diagnostics.Count(d => d.Code == "EMPS1001"));
        Assert.Equal(6_000, compilation.Diagnostics.Count(d => d.Code == "EMPS1002"));
    }

    [Fact]
    public void Line_and_column_are_right_for_crlf_bom_tabs_and_non_ascii()
    {
        var text = SourceText.FromBytes(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("space S {\r\n\t🙂 [0, 1]\r\n  é@ [0, 1]\r}\n")).ToArray(), "x.emps");
        var tree = SyntaxTree.Parse(text);
        var bad = tree.Diagnostics.Where(d => d.Code == "EMPS0001").ToList();
        // the emoji (two UTF-16 units) on line 2 after a tab, and '@' after 'é' on line 3 (a lone CR ends line 3)
        Assert.Equal(new LinePosition(1, 1), bad[0].Location.LineSpan.Start);
        Assert.Equal(new LinePosition(1, 3), bad[0].Location.LineSpan.End);
        Assert.Contains(bad, d => d.Location.LineSpan.Start == new LinePosition(2, 2));
        Assert.Equal(5, text.LineCount);
        Assert.Equal('s', text[0]);
    }
}

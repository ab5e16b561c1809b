using CsCheck;
using ScenarioDsl.Language.Tests.Formatting;

namespace ScenarioDsl.Language.Tests.Robustness;

/// <summary>
/// Soups of the lexer's edge pieces (signs before names and numbers, exponents without digits,
/// escapes cut short, comment markers, per-turn, non-finite names) glued together with and without
/// separators: the parser's invariants hold and the formatter's properties hold.
/// </summary>
public class LexerEdgeSoupTests
{
    private static readonly string[] Pieces =
    {
        "+", "-", "+=", "-=", "=", "=>", "<", "<=", ">", ">=", ".", "..", "...", "1", "-1", "+1", "1.", "1.5", "1e", "1e+", "1e-3", "1E5",
        "2end", "e", "inf", "-inf", "+inf", "Infinity", "-Infinity", "NaN", "+NaN", "nan", "infinity1", "-infx",
        "\"", "\"a", "\"\\", "\"\\u", "\"\\u12", "\"\\u12345\"", "\"\\q\"", "\"\\\"", "\\", "/", "/*", "*/", "//", "*", "/**/",
        "per", "turn", "per-turn", "per - turn", "direction", "scoring", "epm", "space", "S", "a", "{", "}", "[", "]", ",", ":",
        "persona", "in", "start", "on", "when", "and", "says", "goal", "target", "shift", "suite", "seeds", "cues",
        "\n", "\r", "\r\n", " ", "\t", "\u00A0", "\uFEFF", "\u2028", "\u0085", "\uD83D", "\uDE00", "🙂", "\0", "é",
        // What the lexer reads as a newcomer's habits: comments of other languages, '.5', other quotes, non-ASCII names.
        "#", "--", "---", ".5", "-.5", "+.5", "..5", "%", "5%", "&&", "||", "==", "!=", ";", "(", ")", "0,5",
        "'", "'a'", "\u201C", "\u201D", "\u201E", "\u2018", "\u2019", "\u00AB", "\u00BB", "`", "\uFF02", "\u201Ca\u201D",
        "Zo\u00EB", "\u00E9lan", "e\u0301", "\u0301",
    };

    private static readonly Gen<string> Soup =
        Gen.Select(Gen.Int[0, Pieces.Length - 1], Gen.Bool).Array[0, 40]
            .Select(items => string.Concat(items.Select(p => p.Item2 ? Pieces[p.Item1] + " " : Pieces[p.Item1])));

    [Fact]
    public void Lexer_edge_soups_parse_bind_and_format_safely()
    {
        Soup.Sample(text =>
        {
            Invariants.Check(text);
            FormatterPropertyTests.CheckFormatting(text);
        }, iter: 20_000, threads: 1);
    }
}

public class EditEveryPositionTests
{
    private static readonly string[] Insertions = { "\n", "/*", "*/", "//", "\"", "{", "}", ",", "-", " ", "\r", "\uFEFF", "..", "persona P in S {" };

    [Fact]
    public void Every_truncation_deletion_and_insertion_of_unusual_files_parses_and_formats_safely()
    {
        foreach (string file in FormatterPropertyTests.Unusual)
        {
            for (int i = 0; i <= file.Length; i++)
            {
                foreach (var text in new[] { file.Substring(0, i), i < file.Length ? file.Remove(i, 1) : file }
                    .Concat(Insertions.Select(s => file.Insert(i, s))))
                {
                    Invariants.Check(text);
                    FormatterPropertyTests.CheckFormatting(text);
                }
            }
        }
    }
}

public class TokenMutationTests
{
    private static readonly string[][] Files = FormatterPropertyTests.Unusual
        .Append(FormatterTests.Canonical)
        .Select(f => FormatterPropertyTests.Tokens(f).ToArray())
        .ToArray();

    /// <summary>Token-level edits of valid files (delete, duplicate, swap, replace by another of its tokens, break the line).</summary>
    private static readonly Gen<string> Mutated =
        Gen.Int[0, Files.Length - 1].SelectMany(f =>
            Gen.Select(Gen.Int[0, 4], Gen.Int[0, Files[f].Length - 1], Gen.Int[0, Files[f].Length - 1]).Array[1, 5]
                .Select(edits =>
                {
                    var tokens = Files[f].ToList();
                    var breaks = new HashSet<int>();
                    foreach (var (op, i0, j0) in edits)
                    {
                        if (tokens.Count == 0) break;
                        int i = i0 % tokens.Count, j = j0 % tokens.Count;
                        switch (op)
                        {
                            case 0: tokens.RemoveAt(i); break;
                            case 1: tokens.Insert(i, tokens[i]); break;
                            case 2: (tokens[i], tokens[j]) = (tokens[j], tokens[i]); break;
                            case 3: tokens[i] = tokens[j]; break;
                            default: breaks.Add(i); break;
                        }
                    }
                    return string.Concat(tokens.Select((t, k) => (breaks.Contains(k) || SyntaxKeyword(t) ? "\n" : " ") + t));
                }));

    private static bool SyntaxKeyword(string t) => t is "space" or "cues" or "persona" or "goal" or "scenario" or "suite";

    [Fact]
    public void Token_level_mutations_of_valid_files_parse_bind_and_format_safely()
    {
        Mutated.Sample(text =>
        {
            Invariants.Check(text);
            FormatterPropertyTests.CheckFormatting(text);
        }, iter: 20_000, threads: 1);
    }
}

public class LargeInputFormattingTests
{
    private static string Repeat(string s, int chars)
    {
        var sb = new System.Text.StringBuilder(chars + s.Length);
        while (sb.Length < chars) sb.Append(s);
        return sb.ToString();
    }

    /// <summary>
    /// Long lines and long files of repeated constructs parse and format (no timing asserted: it simply
    /// completes; at 1 MB each takes 0.1-2.5 s on a shared 2-core machine, growing linearly).
    /// </summary>
    [Fact]
    public void Long_lines_and_repeated_constructs_parse_and_format()
    {
        const int size = 1 << 17;
        string[] inputs =
        {
            "persona P in S { start { " + Repeat("a: 1, ", size) + "} }",
            "persona P in S { on x => " + Repeat("a += 1, ", size) + "a += 1 }",
            "persona P in S { on x when " + Repeat("a > 1 and ", size) + "a > 1 => a += 1 }",
            "suite T { personas " + Repeat("A,\n", size) + "B }",
            "cues {\n" + Repeat("a \"x\", \"y\" /* c */\n", size) + "}",
            Repeat("// c\r\n", size) + "space S { a [0, 1] }",
            "space S {\n" + Repeat("a [0, 1\n", size) + "}",
        };
        foreach (var text in inputs)
        {
            Invariants.Check(text);
            var first = ScenarioDsl.Language.Formatting.EmpsFormatter.Format(text);
            Assert.NotEqual(ScenarioDsl.Language.Formatting.FormatStatus.Unsafe, first.Status);
            Assert.Equal(first.Text, ScenarioDsl.Language.Formatting.EmpsFormatter.Format(first.Text).Text);
        }
    }
}

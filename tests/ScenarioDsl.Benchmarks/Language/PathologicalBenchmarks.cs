using BenchmarkDotNet.Attributes;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Benchmarks.Language;

/// <summary>
/// Hostile inputs at two sizes: the time per input should grow about linearly (4x the size, about
/// 4x the time). Run: dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*Pathological*'
/// </summary>
[MemoryDiagnoser]
public class PathologicalBenchmarks
{
    [Params(256 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [Params("one-line", "nested-braces", "nul-bytes", "invalid-utf8", "unclosed-headers", "wide-space")]
    public string Shape { get; set; } = "";

    private SourceText _text = SourceText.From("");

    [GlobalSetup]
    public void Setup() => _text = Shape switch
    {
        "one-line" => SourceText.From(Repeat("persona X in Mood { start { calm: 0.5 } says \"x\" } ")),
        "nested-braces" => SourceText.From("persona P in S {\n" + new string('{', Size / 2) + new string('}', Size / 2)),
        "nul-bytes" => SourceText.From(new string('\0', Size)),
        "invalid-utf8" => SourceText.FromBytes(Enumerable.Range(0, Size).Select(i => (byte)(0x80 + i % 64)).ToArray()),
        "wide-space" => SourceText.From(WideSpace()),
        _ => SourceText.From(Repeat("persona P in S {\n  start { a: \n")),
    };

    /// <summary>
    /// One space of as many dimensions as fit, a persona whose start gives each of them, last first, and a goal
    /// whose target gives each of them: every block's duplicate check sees thousands of entries.
    /// </summary>
    private string WideSpace()
    {
        int dimensions = Size / 48;
        var text = new System.Text.StringBuilder(Size + 64).Append("space W {\n");
        for (int i = 0; i < dimensions; i++) text.Append("  d").Append(i).Append(" [0, 1]\n");
        text.Append("}\npersona P in W {\n  start {");
        for (int i = dimensions - 1; i >= 0; i--) text.Append(" d").Append(i).Append(": 0.5,");
        text.Length--;
        text.Append(" }\n}\ngoal G in W {\n  target {");
        for (int i = dimensions - 1; i >= 0; i--) text.Append(" d").Append(i).Append(": 0.5,");
        text.Length--;
        return text.Append(" }\n  turns 5\n}\nscenario S { persona P goal G }\n").ToString();
    }

    private string Repeat(string unit) => string.Concat(Enumerable.Repeat(unit, Size / unit.Length + 1)).Substring(0, Size);

    [Benchmark]
    public int ParseAndBind() => EmpsCompilation.Create(new[] { _text }).Diagnostics.Count;
}

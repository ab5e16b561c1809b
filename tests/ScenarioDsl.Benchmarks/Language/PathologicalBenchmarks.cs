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

    [Params("one-line", "nested-braces", "nul-bytes", "invalid-utf8", "unclosed-headers")]
    public string Shape { get; set; } = "";

    private SourceText _text = SourceText.From("");

    [GlobalSetup]
    public void Setup() => _text = Shape switch
    {
        "one-line" => SourceText.From(Repeat("persona X in Mood { start { calm: 0.5 } says \"x\" } ")),
        "nested-braces" => SourceText.From("persona P in S {\n" + new string('{', Size / 2) + new string('}', Size / 2)),
        "nul-bytes" => SourceText.From(new string('\0', Size)),
        "invalid-utf8" => SourceText.FromBytes(Enumerable.Range(0, Size).Select(i => (byte)(0x80 + i % 64)).ToArray()),
        _ => SourceText.From(Repeat("persona P in S {\n  start { a: \n")),
    };

    private string Repeat(string unit) => string.Concat(Enumerable.Repeat(unit, Size / unit.Length + 1)).Substring(0, Size);

    [Benchmark]
    public int ParseAndBind() => EmpsCompilation.Create(new[] { _text }).Diagnostics.Count;
}

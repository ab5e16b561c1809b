using BenchmarkDotNet.Attributes;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Benchmarks.Language;

/// <summary>
/// Language core throughput on a ~1 MB corpus of valid files: the hand-written lexer alone (the
/// limit), lexer + Sprache grammar, and parse + bind of the whole compilation. MB/s = corpus bytes / mean.
/// Run: dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*ParseBenchmarks*' --memory
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private IReadOnlyList<SourceText> _files = Array.Empty<SourceText>();

    [GlobalSetup]
    public void Setup()
    {
        _files = Corpus.Generate(1 << 20);
        var compilation = EmpsCompilation.Create(_files);
        int errors = compilation.Diagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning);
        if (errors != 0) throw new InvalidOperationException($"the corpus must be valid; it has {errors} errors/warnings: {compilation.Diagnostics[0]}");
        Console.WriteLine($"// corpus: {_files.Count} files, {Corpus.Bytes(_files)} bytes");
    }

    [Benchmark(Baseline = true, Description = "Lexer only (hand-written)")]
    public int Lex()
    {
        int tokens = 0;
        var diagnostics = new List<Diagnostic>();
        foreach (var file in _files) tokens += Lexer.Lex(file, diagnostics).Count;
        return tokens;
    }

    [Benchmark(Description = "Parse (lexer + Sprache grammar)")]
    public int Parse()
    {
        int declarations = 0;
        foreach (var file in _files) declarations += SyntaxTree.Parse(file).Root.Declarations.Count;
        return declarations;
    }

    [Benchmark(Description = "Parse + bind (whole compilation)")]
    public int ParseAndBind() => EmpsCompilation.Create(_files).Diagnostics.Count;
}

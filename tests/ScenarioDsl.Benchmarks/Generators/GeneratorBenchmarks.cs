using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScenarioDsl.Generators.Pipeline;

namespace ScenarioDsl.Benchmarks.Generators;

/// <summary>
/// The incremental generator on 1,000 .emps files: a cold run (new driver, empty parse cache) and a
/// one-file edit on a warm driver (the target is under 5 ms).
///   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*GeneratorBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] _files = [];
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _edited = null!;
    private int _edits;
    private GeneratorDriver _floor = null!;
    private AdditionalText _floorEdited = null!;

    [Params(1000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = BenchmarkInputs.Files(Files);
        _compilation = BenchmarkInputs.Compilation(CSharpSyntaxTree.ParseText("namespace User { public static class Code { } }", BenchmarkInputs.ParseOptions));
        _warm = BenchmarkInputs.Driver(_files).RunGenerators(_compilation);
        _edited = _files[Files / 2];
        _floor = BenchmarkInputs.Driver(_files, new FloorGenerator()).RunGenerators(_compilation);
        _floorEdited = _edited;
    }

    [Benchmark]
    public GeneratorDriver ColdRun()
    {
        EmpsParseCache.Clear();
        return BenchmarkInputs.Driver(_files).RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver OneFileEditOnWarmDriver() => Edit(ref _warm, ref _edited);

    /// <summary>
    /// The same edit on a warm driver running <see cref="FloorGenerator"/>: one output per file under the same hint names
    /// and nothing else, so this is what Roslyn itself spends per edit on 1,000 inputs and outputs.
    /// </summary>
    [Benchmark]
    public GeneratorDriver OneFileEditOnWarmDriver_RoslynFloor() => Edit(ref _floor, ref _floorEdited);

    /// <summary>
    /// Replaces the middle file and runs the driver again. Each invocation is a new edit (a start value never seen
    /// before), as when a user types: no cache can hold the resulting compilation from an earlier invocation.
    /// </summary>
    private GeneratorDriver Edit(ref GeneratorDriver driver, ref AdditionalText edited)
    {
        _edits++;
        int i = Files / 2;
        var next = new BenchmarkInputs.Text(BenchmarkInputs.PersonaPath(i), BenchmarkInputs.PersonaFile(i, 0.2 + (_edits % 1_000_000) * 1e-7));
        driver = driver.ReplaceAdditionalText(edited, next).RunGenerators(_compilation);
        edited = next;
        return driver;
    }
}

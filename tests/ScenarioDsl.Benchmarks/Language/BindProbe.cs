using System.Diagnostics;
using ScenarioDsl.Benchmarks.Generators;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Benchmarks.Language;

/// <summary>
/// The language core's share of a one-file edit (docs/performance.md), without Roslyn: 1,000 files
/// (the generator benchmark's texts), one <see cref="EmpsCompilation"/>, then edits of one persona
/// file through <see cref="EmpsCompilation.WithText"/> (which reuses the other files' trees, so the
/// binder replays their declarations). Per edit: the time (parse of the edited file + bind), the
/// bytes allocated and the collections; then which types the edits allocate (allocation-tick events).
///   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --bind-probe [measured edits]
/// </summary>
internal static class BindProbe
{
    public static void Run(int measured = 40)
    {
        const int files = 1000, warmup = 40;
        var texts = new List<SourceText> { SourceText.From(BenchmarkInputs.SpaceFile, "/bench/space.emps") };
        for (int i = 1; i < files; i++) texts.Add(SourceText.From(BenchmarkInputs.PersonaFile(i, 0.2), BenchmarkInputs.PersonaPath(i)));
        var compilation = EmpsCompilation.Create(texts);
        Touch(compilation);
        string path = BenchmarkInputs.PersonaPath(files / 2);

        using var listener = new AllocationListener();
        var times = new List<double>();
        var megabytes = new List<double>();
        for (int edit = 1; edit <= warmup + measured; edit++)
        {
            bool shown = edit > warmup;
            var text = SourceText.From(BenchmarkInputs.PersonaFile(files / 2, 0.2 + edit * 1e-7), path);
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            listener.Recording = shown;
            var stopwatch = Stopwatch.StartNew();
            compilation = compilation.WithText(text);
            Touch(compilation);
            double ms = stopwatch.Elapsed.TotalMilliseconds;
            listener.Recording = false;
            double mb = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6;
            if (!shown) continue;
            times.Add(ms);
            megabytes.Add(mb);
            if (measured <= 40) Console.WriteLine($"edit {edit}: {ms:F2} ms, {mb:F3} MB, reused {compilation.ReusedDeclarations}, " +
                $"collections gen0 {GC.CollectionCount(0) - gen0} gen1 {GC.CollectionCount(1) - gen1} gen2 {GC.CollectionCount(2) - gen2}");
        }
        times.Sort();
        megabytes.Sort();
        Console.WriteLine($"median {times[times.Count / 2]:F2} ms, min {times[0]:F2} ms, median {megabytes[megabytes.Count / 2]:F3} MB per edit");
        listener.Print();
    }

    private static void Touch(EmpsCompilation compilation)
    {
        _ = compilation.Diagnostics;
        _ = compilation.Model;
        _ = compilation.Index;
    }
}

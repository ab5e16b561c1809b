using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScenarioDsl.Benchmarks.Generators;

/// <summary>
/// Where a one-file edit on a warm generator driver goes (docs/performance.md): per edit on 1,000
/// files, the time, the bytes allocated and the collections; then which types the edits allocate
/// (the runtime's allocation-tick events, one per ~100 KB).
///   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --edit-probe
/// </summary>
internal static class EditProbe
{
    public static void Run(int measured = 40)
    {
        Console.WriteLine("EmpsGenerator:");
        Run(measured, new ScenarioDsl.Generators.EmpsGenerator(), histogram: true);
        Console.WriteLine("FloorGenerator (the same inputs and hint names, nothing else: Roslyn's own cost):");
        Run(measured, new FloorGenerator(), histogram: false);
        Console.WriteLine("EmpsGenerator's named steps (Roslyn's step tracking on, which adds its own cost), median ms per edit:");
        Steps(measured);
    }

    private const int Files = 1000, Warmup = 40;

    /// <summary>
    /// <paramref name="edits"/> edits with nothing attached (no listener, no step tracking), for an external profiler:
    ///   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --edit-loop 3000 [floor]
    /// </summary>
    public static void Loop(int edits, bool floor)
    {
        var (driver, compilation, edited) = Warm(floor ? new FloorGenerator() : new ScenarioDsl.Generators.EmpsGenerator(), track: false);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var stopwatch = Stopwatch.StartNew();
        for (int edit = 1; edit <= edits; edit++)
        {
            var next = Edit(0.2 + edit * 1e-7);
            driver = driver.ReplaceAdditionalText(edited, next).RunGenerators(compilation);
            edited = next;
        }
        double per1000 = 1000.0 / edits;
        Console.WriteLine($"{edits} edits, {stopwatch.Elapsed.TotalMilliseconds / edits:F2} ms per edit (first ones included); " +
            $"collections per 1,000 edits: gen0 {(GC.CollectionCount(0) - gen0) * per1000:F1}, gen1 {(GC.CollectionCount(1) - gen1) * per1000:F1}, " +
            $"gen2 {(GC.CollectionCount(2) - gen2) * per1000:F1}; pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms in all");
    }

    /// <summary>A driver that has run once over the 1,000 files, and the file the edits replace.</summary>
    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText Edited) Warm(IIncrementalGenerator generator, bool track)
    {
        var texts = BenchmarkInputs.Files(Files);
        var compilation = BenchmarkInputs.Compilation(CSharpSyntaxTree.ParseText("namespace User { public static class Code { } }", BenchmarkInputs.ParseOptions));
        return (BenchmarkInputs.Driver(texts, generator, track).RunGenerators(compilation), compilation, texts[Files / 2]);
    }

    /// <summary>The edited file with a start value no earlier edit used.</summary>
    private static AdditionalText Edit(double start) =>
        new BenchmarkInputs.Text(BenchmarkInputs.PersonaPath(Files / 2), BenchmarkInputs.PersonaFile(Files / 2, start));

    private static void Steps(int measured)
    {
        var (driver, compilation, edited) = Warm(new ScenarioDsl.Generators.EmpsGenerator(), track: true);
        var steps = new Dictionary<string, List<double>>();
        var total = new List<double>();
        for (int edit = 1; edit <= Warmup + measured; edit++)
        {
            var next = Edit(0.3 + edit * 1e-7);
            var stopwatch = Stopwatch.StartNew();
            driver = driver.ReplaceAdditionalText(edited, next).RunGenerators(compilation);
            double ms = stopwatch.Elapsed.TotalMilliseconds;
            edited = next;
            if (edit <= Warmup) continue;
            total.Add(ms);
            var result = driver.GetRunResult().Results.Single();
            foreach (var (name, runs) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                if (!steps.TryGetValue(name, out var list)) steps[name] = list = new List<double>();
                list.Add(runs.Sum(r => r.ElapsedTime.TotalMilliseconds));
            }
        }
        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine($"  whole edit {Median(total):F2}");
        foreach (var (name, list) in steps.OrderByDescending(p => Median(p.Value)))
            Console.WriteLine($"  {name}: {Median(list):F2}");
    }

    private static void Run(int measured, IIncrementalGenerator generator, bool histogram)
    {
        var (driver, compilation, edited) = Warm(generator, track: false);
        // Only when its histogram is printed: the listener slows the process (the floor is timed without it).
        using var listener = histogram ? new AllocationListener() : null;
        var times = new List<double>();
        for (int edit = 1; edit <= Warmup + measured; edit++)
        {
            bool shown = edit > Warmup;
            var next = Edit(0.2 + edit * 1e-7);
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            if (listener is not null) listener.Recording = shown;
            var stopwatch = Stopwatch.StartNew();
            driver = driver.ReplaceAdditionalText(edited, next).RunGenerators(compilation);
            double ms = stopwatch.Elapsed.TotalMilliseconds;
            if (listener is not null) listener.Recording = false;
            edited = next;
            if (!shown) continue;
            times.Add(ms);
            if (measured <= 40) Console.WriteLine($"edit {edit}: {ms:F1} ms, {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6:F2} MB, " +
                $"collections gen0 {GC.CollectionCount(0) - gen0} gen1 {GC.CollectionCount(1) - gen1} gen2 {GC.CollectionCount(2) - gen2}");
        }
        times.Sort();
        Console.WriteLine($"median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms");
        listener?.Print();
    }
}

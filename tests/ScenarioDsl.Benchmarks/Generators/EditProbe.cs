using System.Diagnostics;
using System.Diagnostics.Tracing;
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

    private static void Steps(int measured)
    {
        const int files = 1000, warmup = 40;
        var texts = BenchmarkInputs.Files(files);
        var compilation = BenchmarkInputs.Compilation(CSharpSyntaxTree.ParseText("namespace User { public static class Code { } }", BenchmarkInputs.ParseOptions));
        GeneratorDriver driver = BenchmarkInputs.Driver(texts, track: true).RunGenerators(compilation);
        AdditionalText edited = texts[files / 2];
        var steps = new Dictionary<string, List<double>>();
        var total = new List<double>();
        for (int edit = 1; edit <= warmup + measured; edit++)
        {
            var next = new BenchmarkInputs.Text(BenchmarkInputs.PersonaPath(files / 2), BenchmarkInputs.PersonaFile(files / 2, 0.3 + edit * 1e-7));
            var stopwatch = Stopwatch.StartNew();
            driver = driver.ReplaceAdditionalText(edited, next).RunGenerators(compilation);
            double ms = stopwatch.Elapsed.TotalMilliseconds;
            edited = next;
            if (edit <= warmup) continue;
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
        const int files = 1000, warmup = 40;
        var texts = BenchmarkInputs.Files(files);
        var compilation = BenchmarkInputs.Compilation(CSharpSyntaxTree.ParseText("namespace User { public static class Code { } }", BenchmarkInputs.ParseOptions));
        GeneratorDriver driver = BenchmarkInputs.Driver(texts, generator).RunGenerators(compilation);
        AdditionalText edited = texts[files / 2];
        using var listener = new AllocationListener();
        var times = new List<double>();
        for (int edit = 1; edit <= warmup + measured; edit++)
        {
            bool shown = edit > warmup;
            var next = new BenchmarkInputs.Text(BenchmarkInputs.PersonaPath(files / 2), BenchmarkInputs.PersonaFile(files / 2, 0.2 + edit * 1e-7));
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            listener.Recording = shown;
            var stopwatch = Stopwatch.StartNew();
            driver = driver.ReplaceAdditionalText(edited, next).RunGenerators(compilation);
            double ms = stopwatch.Elapsed.TotalMilliseconds;
            listener.Recording = false;
            edited = next;
            if (!shown) continue;
            times.Add(ms);
            if (measured <= 40) Console.WriteLine($"edit {edit}: {ms:F1} ms, {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6:F2} MB, " +
                $"collections gen0 {GC.CollectionCount(0) - gen0} gen1 {GC.CollectionCount(1) - gen1} gen2 {GC.CollectionCount(2) - gen2}");
        }
        times.Sort();
        Console.WriteLine($"median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms");
        if (!histogram) return;
        Console.WriteLine("allocated types (share of allocation-tick samples over the measured edits):");
        var samples = listener.Samples;
        long total = samples.Values.Sum();
        foreach (var (type, count) in samples.OrderByDescending(p => p.Value).Take(40))
            Console.WriteLine($"  {100.0 * count / total,5:F1}%  {type}");
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly object _gate = new();
        public readonly Dictionary<string, long> Samples = new();
        private volatile bool _recording;

        public bool Recording { set => _recording = value; }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC, with allocation ticks
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (!_recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            int index = e.PayloadNames!.IndexOf("TypeName");
            string type = index >= 0 ? e.Payload[index]?.ToString() ?? "?" : "?";
            lock (_gate) Samples[type] = Samples.GetValueOrDefault(type) + 1;
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Tracing;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Syntax;

namespace ScenarioDsl.Benchmarks.Language;

/// <summary>
/// Where parse + bind's time goes, beside the BenchmarkDotNet figures (docs/performance.md): per
/// operation on the ~1 MB corpus, the parse and bind times, the collections with their pauses (from
/// the runtime's GC events), and the memory the parsed trees keep.
///   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --gc-probe
/// Run it again with DOTNET_gcConcurrent=0 or DOTNET_GCgen0size=0x4000000 to see the code's own
/// cost without (most) collections.
/// </summary>
internal static class GcProbe
{
    public static void Run()
    {
        var files = Corpus.Generate(1 << 20);
        using var listener = new GcListener();
        for (int round = 0; round < 14; round++)
        {
            bool shown = round >= 10; // ten warm-up operations
            listener.Recording = shown;
            var stopwatch = Stopwatch.StartNew();
            var trees = files.Select(SyntaxTree.Parse).ToArray();
            double parse = stopwatch.Elapsed.TotalMilliseconds;
            var compilation = EmpsCompilation.Create(trees);
            _ = compilation.Diagnostics.Count;
            double total = stopwatch.Elapsed.TotalMilliseconds;
            listener.Recording = false;
            if (shown) Console.WriteLine($"operation: parse {parse:F1} ms, bind {total - parse:F1} ms, total {total:F1} ms");
            foreach (var line in listener.Take()) if (shown) Console.WriteLine("  " + line);
            GC.KeepAlive(compilation);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = files.Select(SyntaxTree.Parse).ToArray();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"kept by the {kept.Length} parsed trees: {(after - before) / 1e6:F1} MB");
        GC.KeepAlive(kept);
    }

    private sealed class GcListener : EventListener
    {
        private readonly object _gate = new();
        private readonly List<string> _lines = new();
        private readonly Dictionary<long, (DateTime Start, int Generation)> _open = new();
        private volatile bool _recording;

        public bool Recording { set => _recording = value; }

        public List<string> Take()
        {
            lock (_gate)
            {
                var lines = _lines.ToList();
                _lines.Clear();
                return lines;
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1); // GC
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (!_recording || e.Payload is null) return;
            lock (_gate)
            {
                if (e.EventName == "GCStart_V2")
                    _open[Convert.ToInt64(e.Payload[0])] = (e.TimeStamp, Convert.ToInt32(e.Payload[1]));
                else if (e.EventName == "GCEnd_V1" && _open.Remove(Convert.ToInt64(e.Payload[0]), out var start))
                    _lines.Add($"gen{start.Generation} collection: {(e.TimeStamp - start.Start).TotalMilliseconds:F1} ms");
            }
        }
    }
}

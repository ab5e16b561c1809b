using System.Diagnostics.Tracing;

namespace ScenarioDsl.Benchmarks;

/// <summary>
/// Which types a piece of code allocates, in-process: the runtime's allocation-tick events (one per ~100 KB
/// allocated, naming the type that crossed the mark), counted while <see cref="Recording"/> is on. Used by the
/// probes (--bind-probe, --edit-probe); enabling these events slows the process, so the probes' times are not
/// BenchmarkDotNet's.
/// </summary>
internal sealed class AllocationListener : EventListener
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _samples = new();
    private volatile bool _recording;

    public bool Recording { set => _recording = value; }

    /// <summary>Prints the most sampled types with their share of all samples.</summary>
    public void Print(int top = 40)
    {
        Console.WriteLine("allocated types (share of allocation-tick samples over the measured edits):");
        lock (_gate)
        {
            long total = _samples.Values.Sum();
            foreach (var (type, count) in _samples.OrderByDescending(p => p.Value).Take(top))
                Console.WriteLine($"  {100.0 * count / total,5:F1}%  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC, with allocation ticks
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int index = e.PayloadNames!.IndexOf("TypeName");
        string type = index >= 0 ? e.Payload[index]?.ToString() ?? "?" : "?";
        lock (_gate) _samples[type] = _samples.GetValueOrDefault(type) + 1;
    }
}

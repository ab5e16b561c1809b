using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Llm.Usage;

/// <summary>Calls, tokens (when the provider reports them) and wall-clock latency of one run's LLM calls.</summary>
public sealed record RunUsage(int Calls, long? InputTokens, long? OutputTokens, long? TotalTokens, double LatencyMs, double MaxLatencyMs);

/// <summary>
/// Accumulates LLM usage per run (suite, scenario, seed, agent: the results' resume key). Thread safe.
/// Latency is measured around the whole call, retries and cassette look-ups included.
/// </summary>
public sealed class LlmUsageLedger
{
    private readonly ConcurrentDictionary<string, RunUsage> _runs = new(StringComparer.Ordinal);

    public void Add(string? suite, string scenario, int seed, string agent, UsageDetails? usage, TimeSpan latency)
    {
        var key = RunRecord.KeyOf(suite, scenario, seed, agent);
        double ms = latency.TotalMilliseconds;
        _runs.AddOrUpdate(
            key,
            _ => new RunUsage(1, usage?.InputTokenCount, usage?.OutputTokenCount, usage?.TotalTokenCount, ms, ms),
            (_, u) => new RunUsage(
                u.Calls + 1,
                Sum(u.InputTokens, usage?.InputTokenCount),
                Sum(u.OutputTokens, usage?.OutputTokenCount),
                Sum(u.TotalTokens, usage?.TotalTokenCount),
                u.LatencyMs + ms,
                Math.Max(u.MaxLatencyMs, ms)));
    }

    /// <summary>The usage of one run, or null when it made no call.</summary>
    public RunUsage? Get(string? suite, string scenario, int seed, string agent) =>
        _runs.TryGetValue(RunRecord.KeyOf(suite, scenario, seed, agent), out var usage) ? usage : null;

    /// <summary>Removes and returns one run's usage (a sweep takes it when the run's record is written).</summary>
    public RunUsage? Take(string? suite, string scenario, int seed, string agent) =>
        _runs.TryRemove(RunRecord.KeyOf(suite, scenario, seed, agent), out var usage) ? usage : null;

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}

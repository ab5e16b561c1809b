using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Llm.Usage;

/// <summary>
/// Calls, tokens (when the provider reports them) and wall-clock latency of one run's LLM calls: the agent's and
/// the roles' (<paramref name="RoleCalls"/> of the calls are the persona's lines and the cue judge's verdicts).
/// </summary>
public sealed record RunUsage(int Calls, long? InputTokens, long? OutputTokens, long? TotalTokens, double LatencyMs, double MaxLatencyMs, int RoleCalls = 0);

/// <summary>
/// Accumulates LLM usage per run (suite, scenario, seed, agent: the results' resume key). Thread safe.
/// Latency is measured around the whole call, retries and cassette look-ups included.
/// </summary>
public sealed class LlmUsageLedger
{
    private readonly ConcurrentDictionary<string, RunUsage> _runs = new(StringComparer.Ordinal);

    public void Add(string? suite, string scenario, int seed, string agent, UsageDetails? usage, TimeSpan latency) =>
        Add(suite, scenario, seed, agent, usage, latency, role: false);

    private void Add(string? suite, string scenario, int seed, string agent, UsageDetails? usage, TimeSpan latency, bool role)
    {
        var key = RunRecord.KeyOf(suite, scenario, seed, agent);
        double ms = latency.TotalMilliseconds;
        _runs.AddOrUpdate(
            key,
            _ => new RunUsage(1, usage?.InputTokenCount, usage?.OutputTokenCount, usage?.TotalTokenCount, ms, ms, role ? 1 : 0),
            (_, u) => new RunUsage(
                u.Calls + 1,
                Sum(u.InputTokens, usage?.InputTokenCount),
                Sum(u.OutputTokens, usage?.OutputTokenCount),
                Sum(u.TotalTokens, usage?.TotalTokenCount),
                u.LatencyMs + ms,
                Math.Max(u.MaxLatencyMs, ms),
                u.RoleCalls + (role ? 1 : 0)));
    }

    /// <summary>The usage of one run, or null when it made no call.</summary>
    public RunUsage? Get(string? suite, string scenario, int seed, string agent) =>
        _runs.TryGetValue(RunRecord.KeyOf(suite, scenario, seed, agent), out var usage) ? usage : null;

    /// <summary>Removes and returns one run's usage (a sweep takes it when the run's record is written).</summary>
    public RunUsage? Take(string? suite, string scenario, int seed, string agent) =>
        _runs.TryRemove(RunRecord.KeyOf(suite, scenario, seed, agent), out var usage) ? usage : null;

    private readonly AsyncLocal<RunKey?> _current = new();

    /// <summary>The run (suite, scenario, seed, agent) whose role calls are being made on this flow, if any.</summary>
    public sealed record RunKey(string? Suite, string Scenario, int Seed, string Agent);

    /// <summary>
    /// Marks the calls made from here on, on this asynchronous flow, as the run's (until disposed): the LLM roles
    /// (persona speech, the cue judge) serve a scenario, not a run, and learn whose calls they make from this.
    /// </summary>
    public IDisposable BeginRun(string? suite, string scenario, int seed, string agent)
    {
        var previous = _current.Value;
        _current.Value = new RunKey(suite, scenario, seed, agent);
        return new Restore(this, previous);
    }

    /// <summary>Adds one call to the run <see cref="BeginRun"/> marked on this flow; a call outside any run is not counted.</summary>
    public void AddToCurrentRun(UsageDetails? usage, TimeSpan latency)
    {
        if (_current.Value is { } run) Add(run.Suite, run.Scenario, run.Seed, run.Agent, usage, latency, role: true);
    }

    private sealed class Restore(LlmUsageLedger ledger, RunKey? previous) : IDisposable
    {
        public void Dispose() => ledger._current.Value = previous;
    }

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}

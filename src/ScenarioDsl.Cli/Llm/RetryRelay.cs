using System.Collections.Concurrent;
using ScenarioDsl.Cli.Run;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Cli.Llm;

/// <summary>
/// Hands the retries of a sweep's LLM calls (<see cref="ResilientChatClient"/>'s waits) to the progress display, with the run
/// and the turn each call serves. The run is known from the asynchronous flow the call is made on (<see cref="Begin"/>
/// marks it, as the usage ledger marks the roles' calls), the turn from the agent (<see cref="Run.Agent"/> notes each
/// turn it is asked to answer): the agent's call, the judge's verdicts on its drafts and on its reply, and the persona's
/// line after it all belong to that turn. Thread-safe: under <c>--parallel</c> calls of many runs retry at once.
/// </summary>
internal sealed class RetryRelay : ILlmRetryObserver
{
    private readonly AsyncLocal<Run?> _current = new();

    private readonly ConcurrentDictionary<LlmRetry, (IRunProgress Display, RetryWait Wait)> _shown = new(ReferenceEqualityComparer.Instance);

    private volatile IRunProgress? _display;

    /// <summary>Where waits are shown (the sweep's progress); null shows none.</summary>
    public IRunProgress? Display
    {
        get => _display;
        set => _display = value;
    }

    /// <summary>Marks the calls made from here on, on this flow, as <paramref name="job"/>'s, until disposed.</summary>
    public Run Begin(RunJob job)
    {
        var run = new Run(this, job, _current.Value);
        _current.Value = run;
        return run;
    }

    public void Waiting(LlmRetry retry)
    {
        if (_display is not { } display) return;
        var run = _current.Value;
        int turn = run?.Turn ?? 0;
        var wait = new RetryWait(run?.Label, turn > 0 ? turn : null, retry);
        _shown[retry] = (display, wait);
        display.RetryWaiting(wait);
    }

    public void WaitOver(LlmRetry retry)
    {
        if (_shown.TryRemove(retry, out var shown)) shown.Display.RetryWaitOver(shown.Wait);
    }

    /// <summary>One run in flight: its label, and the turn its agent was last asked to answer.</summary>
    public sealed class Run : IDisposable
    {
        private readonly RetryRelay _relay;
        private readonly Run? _previous;
        private int _turn;

        internal Run(RetryRelay relay, RunJob job, Run? previous)
        {
            _relay = relay;
            _previous = previous;
            Label = job.Label;
            Agent = new TurnNotingAgent(job.Agent, this);
        }

        public string Label { get; }

        /// <summary>The job's agent, noting each turn it answers; same name and replies.</summary>
        public IAgent Agent { get; }

        public int Turn => Volatile.Read(ref _turn);

        public void Dispose() => _relay._current.Value = _previous;

        private sealed class TurnNotingAgent(IAgent inner, Run run) : IAgent
        {
            public string Name => inner.Name;

            public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
            {
                Volatile.Write(ref run._turn, context.Turn);
                return inner.ReplyAsync(context, cancellationToken);
            }
        }
    }
}

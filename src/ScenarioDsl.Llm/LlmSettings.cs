using ScenarioDsl.Llm.Agents;
using ScenarioDsl.Llm.Resilience;

namespace ScenarioDsl.Llm;

/// <summary>Everything that configures the LLM side of a run (the <c>emps run --llm-*</c>, <c>--record</c>, <c>--replay</c>, <c>--parallel</c> options).</summary>
public sealed record LlmSettings
{
    /// <summary>The OpenAI-compatible API base; not needed when replaying.</summary>
    public Uri? Endpoint { get; init; }

    public required string Model { get; init; }

    public IReadOnlyList<PromptVariant> Variants { get; init; } = [PromptVariant.PersonaAligned];

    /// <summary>Record cassettes into this folder.</summary>
    public string? RecordDirectory { get; init; }

    /// <summary>Replay cassettes from this folder (no network, no key).</summary>
    public string? ReplayDirectory { get; init; }

    /// <summary>At most this many LLM calls in flight at once.</summary>
    public int Parallel { get; init; } = 1;

    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    public float? Temperature { get; init; } = 0f;

    public int? MaxOutputTokens { get; init; } = 200;
}

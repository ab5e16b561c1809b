namespace ScenarioDsl.Llm.Agents;

/// <summary>How an <see cref="LlmAgent"/> asks its chat client. Every field here is part of each request (and so of its cassette key).</summary>
public sealed record LlmAgentOptions
{
    /// <summary>The model name sent with every request (also part of the agent's name).</summary>
    public required string Model { get; init; }

    public PromptVariant Variant { get; init; } = PromptVariant.PersonaAligned;

    /// <summary>Sampling temperature; 0 by default, for the most repeatable replies a provider gives.</summary>
    public float? Temperature { get; init; } = 0f;

    public int? MaxOutputTokens { get; init; } = 200;

    /// <summary>Send the run's seed as the provider's sampling seed (best effort determinism on providers that honour it).</summary>
    public bool SendSeed { get; init; } = true;

    /// <summary>The name results are recorded under; default <c>llm:VARIANT:MODEL</c>.</summary>
    public string? Name { get; init; }
}

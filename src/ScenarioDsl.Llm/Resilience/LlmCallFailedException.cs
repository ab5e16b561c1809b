namespace ScenarioDsl.Llm.Resilience;

/// <summary>An LLM call that failed for good: a permanent error, or every retry used up.</summary>
public sealed class LlmCallFailedException(string message, int attempts, Exception inner) : Exception(message, inner)
{
    public int Attempts { get; } = attempts;
}

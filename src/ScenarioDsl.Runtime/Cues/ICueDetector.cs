using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Cues;

/// <summary>
/// Finds the cues of a scenario's <see cref="CueTable"/> in an agent's reply (SPEC 2.2). Pluggable: the
/// default is <see cref="DefaultCueDetector"/>; an LLM-judged detector is another implementation.
/// Implementations must be safe to call from several runs at once.
/// </summary>
public interface ICueDetector
{
    /// <param name="reply">The agent's reply r_t.</param>
    /// <param name="previousPersonaMessage">The persona's previous message (for mirroring).</param>
    CueSet Detect(string reply, string? previousPersonaMessage);
}

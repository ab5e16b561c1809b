using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// The empathic agent under test. It sees the transcript so far and the scenario's declarations
/// (<see cref="AgentContext"/>), never the persona's live state. Implementations should be stateless
/// between calls (everything they need is in the context), so one instance can serve many runs.
/// </summary>
public interface IAgent
{
    /// <summary>The name results are recorded under (<c>generic</c>, <c>aligned</c>, <c>scripted:replies.txt</c>...).</summary>
    string Name { get; }

    ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken);
}

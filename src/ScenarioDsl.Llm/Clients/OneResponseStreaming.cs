using Microsoft.Extensions.AI;

namespace ScenarioDsl.Llm.Clients;

/// <summary>
/// Streaming for the clients that work on whole responses (the cassettes, the retry policy, the key redaction): the
/// response is awaited, then handed out as its updates. Every call of the agents and roles is a whole response anyway.
/// </summary>
internal static class OneResponseStreaming
{
    public static async IAsyncEnumerable<ChatResponseUpdate> Updates(Task<ChatResponse> pending)
    {
        var response = await pending.ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }
}

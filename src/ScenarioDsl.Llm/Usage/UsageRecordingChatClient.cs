using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace ScenarioDsl.Llm.Usage;

/// <summary>
/// Counts every call it passes on (tokens as the provider reports them, wall-clock latency, retries included when it
/// sits above the retrying client) to the run its ledger has marked on the calling flow
/// (<see cref="LlmUsageLedger.BeginRun"/>). The LLM roles' client: their calls belong to the run they serve.
/// </summary>
public sealed class UsageRecordingChatClient(IChatClient inner, LlmUsageLedger ledger) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        long started = Stopwatch.GetTimestamp();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        ledger.AddToCurrentRun(response.Usage, Stopwatch.GetElapsedTime(started));
        return response;
    }
}

using System.ClientModel;
using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Resilience;

namespace ScenarioDsl.Llm.Clients;

/// <summary>
/// Keeps the API key out of every exception message: an endpoint may echo the key back in its error body ("Incorrect API
/// key provided: sk-..."), which the OpenAI client puts in its <see cref="ClientResultException"/>'s message, and that
/// message reaches the user (emps run prints it). Such a failure is rethrown as an <see cref="LlmHttpException"/> with the
/// same status, Retry-After and message, the key replaced by <see cref="Redacted"/>, and without the original exception
/// (which still holds the key). Failures that do not mention the key pass through unchanged.
/// </summary>
internal sealed class KeyRedactingChatClient(IChatClient inner, string apiKey) : DelegatingChatClient(inner)
{
    public const string Redacted = "[key redacted]";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Mentions(e))
        {
            throw Clean(e);
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        OneResponseStreaming.Updates(GetResponseAsync(messages, options, cancellationToken));

    private bool Mentions(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x.Message.Contains(apiKey, StringComparison.Ordinal)) return true;
        return false;
    }

    private Exception Clean(Exception e)
    {
        string message = e.Message.Replace(apiKey, Redacted, StringComparison.Ordinal);
        if (e is ClientResultException { Status: > 0 } http)
        {
            string? seconds = null, milliseconds = null;
            if (http.GetRawResponse() is { } response)
            {
                response.Headers.TryGetValue("Retry-After", out seconds);
                response.Headers.TryGetValue("retry-after-ms", out milliseconds);
            }
            return new LlmHttpException(http.Status, message, seconds) { RetryAfterMilliseconds = milliseconds };
        }
        // Anything else that carries the key: same kind of failure for the retry policy (transient or not), key removed.
        return TransientFailure.IsTransient(e) ? new IOException(message) : new InvalidOperationException(message);
    }
}

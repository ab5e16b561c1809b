using System.ClientModel;
using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Resilience;

namespace ScenarioDsl.Llm.Clients;

/// <summary>
/// Keeps the API key out of every exception message: an endpoint may echo the key back in its error body ("Incorrect API
/// key provided: sk-..."), which the OpenAI client puts in its <see cref="ClientResultException"/>'s message, and that
/// message reaches the user (emps run prints it). Such a failure is rethrown as an <see cref="LlmHttpException"/> with the
/// same status, Retry-After and message, the key replaced by <see cref="Redacted"/>, and without the original exception
/// (which still holds the key). Failures that do not mention the key pass through unchanged. A successful reply that
/// contains the key gets the same replacement in its text (see <see cref="Clean(ChatResponse)"/>).
/// </summary>
internal sealed class KeyRedactingChatClient(IChatClient inner, string apiKey) : DelegatingChatClient(inner)
{
    public const string Redacted = "[key redacted]";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Mentions(e))
        {
            throw Clean(e);
        }
        return response.Text.Contains(apiKey, StringComparison.Ordinal) ? Clean(response) : response;
    }

    /// <summary>
    /// A reply that contains the key (an endpoint or proxy that echoes the request's headers back) with the key replaced
    /// in its text: the reply goes on into the transcript, results.jsonl, cassettes and the report. The raw provider
    /// response, which still holds the key, is dropped; the model, finish reason and usage are kept.
    /// </summary>
    private ChatResponse Clean(ChatResponse response)
    {
        var messages = new List<ChatMessage>(response.Messages.Count);
        foreach (var message in response.Messages)
        {
            var contents = new List<AIContent>(message.Contents.Count);
            foreach (var content in message.Contents)
                contents.Add(content is TextContent text ? new TextContent(text.Text?.Replace(apiKey, Redacted, StringComparison.Ordinal)) : content);
            messages.Add(new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, MessageId = message.MessageId });
        }
        return new ChatResponse(messages)
        {
            ResponseId = response.ResponseId,
            ConversationId = response.ConversationId,
            ModelId = response.ModelId,
            CreatedAt = response.CreatedAt,
            FinishReason = response.FinishReason,
            Usage = response.Usage,
        };
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

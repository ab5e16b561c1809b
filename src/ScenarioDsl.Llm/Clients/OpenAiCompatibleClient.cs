using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ScenarioDsl.Llm.Clients;

/// <summary>
/// An <see cref="IChatClient"/> for an OpenAI-compatible chat completions endpoint (through
/// Microsoft.Extensions.AI.OpenAI). The endpoint is the API base (requests go to ENDPOINT/chat/completions).
/// The OpenAI client's own retries are switched off and its network timeout left to the caller:
/// <see cref="Resilience.ResilientChatClient"/> owns timeouts and retries, so they are counted once.
/// </summary>
public static class OpenAiCompatibleClient
{
    /// <summary>The only place a key is read from.</summary>
    public const string ApiKeyVariable = "EMPS_LLM_API_KEY";

    /// <summary>Sent when no key is set, for local servers that need none.</summary>
    internal const string NoKey = "no-key";

    /// <summary>The key from <see cref="ApiKeyVariable"/>, or null when unset or blank.</summary>
    public static string? ApiKeyFromEnvironment()
    {
        var key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    /// <summary>The client for one endpoint and default model.</summary>
    /// <param name="endpoint">The API base, e.g. http://127.0.0.1:8080/v1.</param>
    /// <param name="model">The default model name.</param>
    /// <param name="apiKey">The key; null sends a placeholder (servers that need no key ignore it).</param>
    /// <param name="transport">An HttpClient to send through (tests); null uses the client's own.</param>
    public static IChatClient Create(Uri endpoint, string model, string? apiKey, HttpClient? transport = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"the LLM endpoint must be an absolute http or https URL, not '{endpoint}'", nameof(endpoint));
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        if (transport is not null) options.Transport = new HttpClientPipelineTransport(transport);
        // A 200 whose body is not a chat completion fails with a message that says so (not the JSON parser's).
        options.AddPolicy(new ChatCompletionCheckPolicy(), PipelinePosition.PerTry);
        var chat = new ChatClient(model, new ApiKeyCredential(apiKey ?? NoKey), options);
        var client = chat.AsIChatClient();
        // An endpoint may echo the key in an error body, which would reach the user through the exception's message.
        return string.IsNullOrWhiteSpace(apiKey) ? client : new KeyRedactingChatClient(client, apiKey);
    }
}

using System.ClientModel.Primitives;
using System.Text.Json;
using ScenarioDsl.Llm.Resilience;

namespace ScenarioDsl.Llm.Clients;

/// <summary>
/// Checks that a successful answer of the endpoint is a chat completion before the OpenAI client reads it: JSON, an
/// object, with at least one choice. Otherwise (a proxy's HTML page, a body cut short, an empty <c>choices</c>) the call
/// fails with a <see cref="LlmResponseException"/> that says so and quotes the start of the body, instead of the JSON
/// parser's or the client's own error ("Expected depth to be zero...", "Index was out of range"), which tell the user
/// nothing about the endpoint. Such a failure is not retried: the server answered, and answered wrong.
/// </summary>
internal sealed class ChatCompletionCheckPolicy : PipelinePolicy
{
    /// <summary>How much of a bad body the message quotes.</summary>
    internal const int QuoteLength = 200;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Check(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Check(message);
    }

    private static void Check(PipelineMessage message)
    {
        // A streamed answer is not read here (the agents and roles never stream).
        if (!message.BufferResponse || message.Response is not { IsError: false } response) return;
        var body = response.Content;
        if (Problem(body) is { } problem)
            throw new LlmResponseException($"the endpoint's answer (HTTP {response.Status}) {problem}: {Quote(body.ToString())}");
    }

    /// <summary>What is wrong with a successful answer's body, or null when it looks like a chat completion.</summary>
    internal static string? Problem(BinaryData body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return "is not a chat completion (a JSON object with choices)";
            if (!document.RootElement.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
                return "has no choices";
            return null;
        }
        catch (JsonException)
        {
            return "is not JSON";
        }
    }

    private static string Quote(string body)
    {
        string line = ResilientChatClient.OneLine(body);
        if (line.Length == 0) return "(an empty body)";
        return line.Length <= QuoteLength ? line : line[..QuoteLength] + "…";
    }
}

/// <summary>The endpoint answered, but not with a chat completion (see <see cref="ChatCompletionCheckPolicy"/>). Not retried.</summary>
public sealed class LlmResponseException(string message) : Exception(message);

using System.Diagnostics;
using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Usage;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Llm.Agents;

/// <summary>
/// The empathic agent under test as a chat model behind any <see cref="IChatClient"/>. Each turn sends the
/// variant's system instructions (<see cref="AgentPrompts"/>), then the conversation so far: the persona's
/// messages as the user, the agent's earlier replies as the assistant. Stateless between calls, so one
/// instance serves many runs at once; token usage and latency go to an optional <see cref="LlmUsageLedger"/>.
/// </summary>
public sealed class LlmAgent : IAgent
{
    private readonly IChatClient _client;
    private readonly LlmAgentOptions _options;
    private readonly LlmUsageLedger? _usage;

    public LlmAgent(IChatClient client, LlmAgentOptions options, LlmUsageLedger? usage = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Model)) throw new ArgumentException("A model name is required.", nameof(options));
        _client = client;
        _options = options;
        _usage = usage;
        Name = options.Name ?? DefaultName(options.Variant, options.Model);
    }

    public static string DefaultName(PromptVariant variant, string model) => $"llm:{PromptVariants.NameOf(variant)}:{model}";

    public string Name { get; }

    public LlmAgentOptions Options => _options;

    /// <summary>The messages and options of the request for <paramref name="context"/> (what is sent and hashed).</summary>
    public (IReadOnlyList<ChatMessage> Messages, ChatOptions Options) BuildRequest(AgentContext context)
    {
        var messages = new List<ChatMessage>(2 + 2 * context.Transcript.Count)
        {
            new(ChatRole.System, AgentPrompts.For(_options.Variant, context)),
            new(ChatRole.User, context.Opening),
        };
        foreach (var turn in context.Transcript)
        {
            messages.Add(new ChatMessage(ChatRole.Assistant, turn.Agent));
            if (turn.Persona is { } answer) messages.Add(new ChatMessage(ChatRole.User, answer));
        }
        var options = new ChatOptions
        {
            ModelId = _options.Model,
            Temperature = _options.Temperature,
            MaxOutputTokens = _options.MaxOutputTokens,
            Seed = _options.SendSeed ? context.Seed : null,
        };
        return (messages, options);
    }

    public async ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var (messages, options) = BuildRequest(context);
        long started = Stopwatch.GetTimestamp();
        var response = await _client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        _usage?.Add(context.Scenario.Suite, context.Scenario.Name, context.Seed, Name, response.Usage, Stopwatch.GetElapsedTime(started));
        return Clean(response.Text);
    }

    /// <summary>
    /// The reply as recorded: surrounding white space removed, line breaks (CR, LF, and Unicode's NEL, line and paragraph
    /// separators) folded to spaces.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        return string.Join(' ', text.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];
}

using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Agents;
using ScenarioDsl.Llm.Cassettes;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Llm.Usage;

namespace ScenarioDsl.Llm;

/// <summary>
/// Builds the chat client stack and the agents of one run. From the outside in:
/// cassette (record or replay) -&gt; concurrency limit -&gt; timeout and retries -&gt; OpenAI-compatible client.
/// Replay builds the cassette alone: no endpoint, no key, no network. Retried attempts are never recorded,
/// only the answer that finally came back. Dispose the factory to release the client.
/// </summary>
public sealed class LlmAgentFactory : IDisposable
{
    private LlmAgentFactory(LlmSettings settings, IChatClient client, CassetteChatClient? cassette)
    {
        Settings = settings;
        Client = client;
        Cassette = cassette;
    }

    public LlmSettings Settings { get; }

    /// <summary>The outermost client the agents call.</summary>
    public IChatClient Client { get; }

    public CassetteChatClient? Cassette { get; }

    public LlmUsageLedger Usage { get; } = new();

    /// <param name="settings">The run's LLM options.</param>
    /// <param name="apiKey">The key (callers read it from <see cref="OpenAiCompatibleClient.ApiKeyVariable"/>); ignored when replaying.</param>
    /// <param name="inner">A chat client to use instead of the OpenAI-compatible one (tests, other providers).</param>
    /// <exception cref="ArgumentException">Inconsistent settings (both record and replay, no endpoint...).</exception>
    /// <exception cref="DirectoryNotFoundException">The replay folder does not exist.</exception>
    public static LlmAgentFactory Create(LlmSettings settings, string? apiKey = null, IChatClient? inner = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Model)) throw new ArgumentException("an LLM model name is required (--llm-model)", nameof(settings));
        if (settings.RecordDirectory is not null && settings.ReplayDirectory is not null)
            throw new ArgumentException("--record and --replay cannot be used together", nameof(settings));
        if (settings.Parallel < 1) throw new ArgumentException("--parallel must be at least 1", nameof(settings));
        if (settings.Variants.Count == 0) throw new ArgumentException("at least one prompt variant is required", nameof(settings));

        if (settings.ReplayDirectory is not null)
        {
            var replay = CassetteChatClient.Replay(settings.ReplayDirectory);
            return new LlmAgentFactory(settings, replay, replay);
        }

        if (inner is null)
        {
            if (settings.Endpoint is null) throw new ArgumentException("an LLM endpoint is required (--llm-endpoint), unless replaying", nameof(settings));
            inner = OpenAiCompatibleClient.Create(settings.Endpoint, settings.Model, apiKey);
        }
        IChatClient client = new ResilientChatClient(inner, settings.Retry);
        client = new ConcurrencyLimitedChatClient(client, settings.Parallel);
        CassetteChatClient? cassette = null;
        if (settings.RecordDirectory is not null) client = cassette = CassetteChatClient.Record(settings.RecordDirectory, client);
        return new LlmAgentFactory(settings, client, cassette);
    }

    /// <summary>One agent per configured prompt variant, all sharing the client and the usage ledger.</summary>
    public IReadOnlyList<LlmAgent> CreateAgents() =>
        Settings.Variants.Distinct().Select(CreateAgent).ToArray();

    public LlmAgent CreateAgent(PromptVariant variant) =>
        new(Client, new LlmAgentOptions
        {
            Model = Settings.Model,
            Variant = variant,
            Temperature = Settings.Temperature,
            MaxOutputTokens = Settings.MaxOutputTokens,
        }, Usage);

    public void Dispose() => Client.Dispose();
}

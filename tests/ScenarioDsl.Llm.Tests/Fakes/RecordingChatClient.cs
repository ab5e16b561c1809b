using Microsoft.Extensions.AI;

namespace ScenarioDsl.Llm.Tests.Fakes;

/// <summary>An in-process IChatClient: answers with <see cref="Reply"/>, records every request, counts calls in flight.</summary>
public sealed class RecordingChatClient : IChatClient
{
    private readonly object _gate = new();
    private readonly List<(ChatMessage[] Messages, ChatOptions? Options)> _calls = [];
    private int _inFlight;

    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> Reply { get; set; } =
        (messages, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "That makes sense.")));

    public IReadOnlyList<(ChatMessage[] Messages, ChatOptions? Options)> Calls
    {
        get { lock (_gate) return _calls.ToArray(); }
    }

    public int MaxInFlight { get; private set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToArray();
        lock (_gate)
        {
            _calls.Add((list, options));
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
        }
        try
        {
            return await Reply(list, options, cancellationToken);
        }
        finally
        {
            lock (_gate) _inFlight--;
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

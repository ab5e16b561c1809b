using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Clients;

namespace ScenarioDsl.Llm.Cassettes;

/// <summary>
/// Record/replay for any <see cref="IChatClient"/>: every request is keyed by <see cref="RequestKey"/> (a
/// content hash of the whole request) and stored as DIR/KEY.json. <see cref="CassetteMode.Replay"/> needs
/// no inner client (no network, no key) and throws <see cref="CassetteMissException"/> for an unknown
/// request; <see cref="CassetteMode.Record"/> serves known requests from the folder and records the rest,
/// one call per key even when identical requests arrive at once. Streaming requests are answered whole.
/// </summary>
public sealed class CassetteChatClient : IChatClient
{
    private readonly IChatClient? _inner;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    private CassetteChatClient(string directory, CassetteMode mode, IChatClient? inner)
    {
        Directory = Path.GetFullPath(directory);
        Mode = mode;
        _inner = inner;
    }

    /// <summary>Records the calls <paramref name="inner"/> answers into <paramref name="directory"/> (created if needed).</summary>
    public static CassetteChatClient Record(string directory, IChatClient inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        System.IO.Directory.CreateDirectory(directory);
        return new CassetteChatClient(directory, CassetteMode.Record, inner);
    }

    /// <summary>Replays from <paramref name="directory"/>, which must exist.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    public static CassetteChatClient Replay(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new DirectoryNotFoundException($"the cassette folder '{directory}' does not exist");
        return new CassetteChatClient(directory, CassetteMode.Replay, null);
    }

    public string Directory { get; }

    public CassetteMode Mode { get; }

    /// <summary>Calls answered from the folder.</summary>
    public int Hits => _hits;

    /// <summary>Calls sent to the inner client and recorded.</summary>
    public int Recorded => _recorded;

    private int _hits;
    private int _recorded;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToArray();
        var key = RequestKey.Compute(list, options);
        var path = Path.Combine(Directory, CassetteEntry.FileName(key));
        if (Mode == CassetteMode.Replay)
        {
            if (!File.Exists(path)) throw new CassetteMissException(key, Directory, Summary(list, options));
            Interlocked.Increment(ref _hits);
            return Read(path, key);
        }

        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(path))
            {
                Interlocked.Increment(ref _hits);
                return Read(path, key);
            }
            var response = await _inner!.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            CassetteEntry.Write(path, key, list, options, response);
            Interlocked.Increment(ref _recorded);
            // Answer with what the file holds (this answer, or one another recorder on the folder wrote first), so the
            // recording run sees exactly what a replay will see.
            return Read(path, key);
        }
        finally
        {
            gate.Release();
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        OneResponseStreaming.Updates(GetResponseAsync(messages, options, cancellationToken));

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this)) return this;
        return _inner?.GetService(serviceType, serviceKey);
    }

    public void Dispose() => _inner?.Dispose();

    /// <exception cref="InvalidDataException">The entry is not a cassette entry (edited or damaged by hand), or not <paramref name="key"/>'s.</exception>
    private static ChatResponse Read(string path, string key)
    {
        try
        {
            return CassetteEntry.Read(path, key);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"the cassette entry '{path}' is unreadable ({e.Message}); delete it and record again", e);
        }
    }

    private static string Summary(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var last = messages.Count > 0 ? messages[^1].Text : "";
        if (last.Length > 60) last = last[..57] + "...";
        return $"model {options?.ModelId ?? "(default)"}, {messages.Count} messages, last: \"{last}\"";
    }
}

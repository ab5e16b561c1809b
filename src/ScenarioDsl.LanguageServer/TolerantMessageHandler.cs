using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace ScenarioDsl.LanguageServer;

/// <summary>
/// Content-Length framing that survives a message it cannot read: a body that is not JSON, or
/// JSON that is not a JSON-RPC message, is dropped (and counted) instead of ending the
/// connection. The framing itself has already consumed the body, so reading resumes at the next
/// message. After many consecutive failures the stream is considered broken and the error surfaces.
/// </summary>
internal sealed class TolerantMessageHandler : HeaderDelimitedMessageHandler
{
    private const int MaxConsecutiveFailures = 64;

    public TolerantMessageHandler(Stream writer, Stream reader, IJsonRpcMessageFormatter formatter)
        : base(writer, reader, formatter)
    {
    }

    /// <summary>Messages dropped because they could not be read.</summary>
    public int DroppedMessages { get; private set; }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        int failures = 0;
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException or IOException) && ++failures < MaxConsecutiveFailures)
            {
                DroppedMessages++;
            }
        }
    }
}

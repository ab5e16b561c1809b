using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace ScenarioDsl.LanguageServer;

/// <summary>
/// Content-Length framing that survives a message it cannot read, and knows which requests it
/// still owes a response.
/// </summary>
/// <remarks>
/// <para>
/// A body that is not JSON, or JSON that is not a JSON-RPC message, is dropped (and counted)
/// instead of ending the connection. The framing itself has already consumed the body, so reading
/// resumes at the next message. After many consecutive failures the stream is considered broken
/// and the error surfaces.
/// </para>
/// <para>
/// Every request read is unanswered until its response (result or error) has been written and
/// flushed to the output stream. <see cref="WhenAnsweredAsync"/> waits for the requests read so
/// far, which is what the server does before it ends on <c>exit</c>. At the end of the input the
/// reader itself waits (at most <see cref="AnswerTimeout"/>) before it reports the end, because
/// StreamJsonRpc drops the responses still to be written once the connection is reported closed.
/// The output is written through a <see cref="PipeWriter"/> straight over the stream, so a
/// completed flush means the bytes reached the stream, not an intermediate buffer.
/// </para>
/// </remarks>
internal sealed class TolerantMessageHandler : HeaderDelimitedMessageHandler
{
    private const int MaxConsecutiveFailures = 64;

    private readonly object _gate = new();
    private readonly HashSet<RequestId> _unanswered = new();
    private readonly List<Waiter> _waiters = new();
    private readonly List<RequestId> _written = new();

    public TolerantMessageHandler(Stream writer, Stream reader, IJsonRpcMessageFormatter formatter, TimeSpan answerTimeout)
        : base(PipeWriter.Create(writer), PipeReader.Create(reader, new StreamPipeReaderOptions(leaveOpen: true)), formatter)
    {
        AnswerTimeout = answerTimeout;
        // A blocking read (stdin) may ignore cancellation; disposing the stream ends it. The writer
        // disposes its stream when it completes, after writing everything (one stream may carry
        // both directions, as in the tests).
        if (!ReferenceEquals(reader, writer)) DisposalToken.Register(static s => ((Stream)s!).Dispose(), reader);
    }

    /// <summary>Messages dropped because they could not be read.</summary>
    public int DroppedMessages { get; private set; }

    /// <summary>How long the end of the input waits for the requests received before it to be answered.</summary>
    public TimeSpan AnswerTimeout { get; }

    /// <summary>Called on the reading thread for each message read, before it is dispatched.</summary>
    public Action<JsonRpcMessage>? Received { get; set; }

    /// <summary>
    /// Completes when every request read so far has had its response written and flushed (or its
    /// write failed). Requests read later are not waited for.
    /// </summary>
    public Task WhenAnsweredAsync()
    {
        lock (_gate)
        {
            if (_unanswered.Count == 0) return Task.CompletedTask;
            var waiter = new Waiter(new HashSet<RequestId>(_unanswered));
            _waiters.Add(waiter);
            return waiter.Done.Task;
        }
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        int failures = 0;
        while (true)
        {
            JsonRpcMessage? message;
            try
            {
                message = await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException or IOException) && ++failures < MaxConsecutiveFailures)
            {
                DroppedMessages++;
                continue;
            }
            catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException))
            {
                // The input broke (or is garbage); the output may still work.
                await AnswerReceivedAsync(cancellationToken).ConfigureAwait(false);
                throw;
            }

            if (message is null)
            {
                await AnswerReceivedAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            if (message is JsonRpcRequest { IsResponseExpected: true } request)
            {
                lock (_gate) _unanswered.Add(request.RequestId);
            }
            Received?.Invoke(message);
            return message;
        }
    }

    /// <summary>Waits, at most <see cref="AnswerTimeout"/>, for the requests read so far to be answered.</summary>
    private async Task AnswerReceivedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenAnsweredAsync().WaitAsync(AnswerTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A handler that does not finish must not keep the process alive.
        }
        catch (OperationCanceledException)
        {
            // The server is being disposed.
        }
    }

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        // StreamJsonRpc writes one message at a time and flushes after each (Write, then FlushAsync).
        if (content is JsonRpcResult or JsonRpcError && content is IJsonRpcMessageWithId withId)
        {
            lock (_gate) _written.Add(withId.RequestId);
        }
        base.Write(content, cancellationToken);
    }

    protected override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Written, or failed to be: either way nothing more is coming for these requests.
            Settle();
        }
    }

    private void Settle()
    {
        lock (_gate)
        {
            if (_written.Count == 0) return;
            foreach (var id in _written)
            {
                _unanswered.Remove(id);
                for (int i = _waiters.Count - 1; i >= 0; i--)
                {
                    var waiter = _waiters[i];
                    if (waiter.Ids.Remove(id) && waiter.Ids.Count == 0)
                    {
                        waiter.Done.TrySetResult();
                        _waiters.RemoveAt(i);
                    }
                }
            }
            _written.Clear();
        }
    }

    private sealed record Waiter(HashSet<RequestId> Ids)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

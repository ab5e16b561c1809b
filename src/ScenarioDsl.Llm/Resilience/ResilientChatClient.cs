using System.Globalization;
using Microsoft.Extensions.AI;
using ScenarioDsl.Llm.Clients;

namespace ScenarioDsl.Llm.Resilience;

/// <summary>
/// Per-call timeout and retries for any <see cref="IChatClient"/>. Each attempt gets
/// <see cref="RetryOptions.Timeout"/>; a timed-out attempt, a 408/429/5xx response or a failure to connect
/// is retried up to <see cref="RetryOptions.MaxRetries"/> times. The wait before retry n is the server's
/// Retry-After when it sent one (up to <see cref="RetryOptions.MaxRetryAfter"/>), otherwise exponential
/// backoff with jitter: min(MaxDelay, BaseDelay * 2^n) * (0.5 + 0.5 * jitter). The caller's cancellation
/// stops everything at once (attempts and waits) with <see cref="OperationCanceledException"/>.
/// <see cref="RetryOptions.Observer"/> is told of each wait (attempt, reason, wait) before it starts and when it ends.
/// Other failures (400, 401, 404...) are not retried. Streaming requests are answered whole.
/// </summary>
public sealed class ResilientChatClient(IChatClient inner, RetryOptions? options = null) : DelegatingChatClient(inner)
{
    private readonly RetryOptions _options = options ?? RetryOptions.Default;

    public RetryOptions Options => _options;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToArray();
        for (int attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception failure;
            string reason;
            using (var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCancellation.CancelAfter(_options.Timeout);
                try
                {
                    return await base.GetResponseAsync(list, options, attemptCancellation.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested)
                {
                    // The caller's cancellation, however the layers below reported it (an aborted connection can surface as an
                    // IOException, a disposed stream as ObjectDisposedException): never a retry, never an LLM failure.
                    if (e is OperationCanceledException) throw;
                    throw new OperationCanceledException("the LLM call was cancelled", e, cancellationToken);
                }
                catch (Exception e) when (attemptCancellation.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    string after = string.Create(CultureInfo.InvariantCulture, $"timed out after {_options.Timeout.TotalSeconds:0.###} s");
                    failure = new TimeoutException($"the LLM call {after}", e);
                    reason = after;
                }
                catch (Exception e) when (TransientFailure.IsTransient(e))
                {
                    failure = e;
                    reason = LlmRetry.ReasonFor(e);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new LlmCallFailedException($"the LLM call failed: {Describe(e)}", attempt + 1, e);
                }
            }

            if (attempt >= _options.MaxRetries)
                throw new LlmCallFailedException($"the LLM call failed after {Attempts(attempt + 1)}: {Describe(failure)}", attempt + 1, failure);

            var wait = WaitBefore(attempt, failure);
            if (wait is null)
                throw new LlmCallFailedException($"the LLM call failed: {Describe(failure)}; the server asked to retry after more than {_options.MaxRetryAfter.TotalSeconds:0} s", attempt + 1, failure);
            await WaitAsync(new LlmRetry(attempt + 2, (int)Math.Min(int.MaxValue, _options.MaxRetries + 1L), reason, wait.Value, TransientFailure.StatusOf(failure)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before a retry, told to <see cref="RetryOptions.Observer"/> before it starts and when it ends (cancelled too).</summary>
    private async Task WaitAsync(LlmRetry retry, CancellationToken cancellationToken)
    {
        if (_options.Observer is not { } observer)
        {
            await _options.Delay(retry.Wait, cancellationToken).ConfigureAwait(false);
            return;
        }
        observer.Waiting(retry);
        try
        {
            await _options.Delay(retry.Wait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            observer.WaitOver(retry);
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        OneResponseStreaming.Updates(GetResponseAsync(messages, options, cancellationToken));

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1; null when Retry-After exceeds the cap.</summary>
    internal TimeSpan? WaitBefore(int attempt, Exception failure)
    {
        if (TransientFailure.RetryAfter(failure, DateTimeOffset.UtcNow) is { } retryAfter)
            return retryAfter <= _options.MaxRetryAfter ? retryAfter : null;
        double exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        double capped = Math.Min(_options.MaxDelay.TotalMilliseconds, exponential);
        double jitter = Math.Clamp(_options.Jitter(), 0, 1);
        return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * jitter));
    }

    private static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count} attempts";

    /// <summary>
    /// The failure on one line. An HTTP failure is "HTTP STATUS (TYPE: CODE): EXPLANATION": the OpenAI client's message
    /// already starts with "HTTP STATUS (TYPE: CODE)", so the status is not said twice, and the "(: )" of a server that
    /// sends no error type or code is left out.
    /// </summary>
    internal static string Describe(Exception e)
    {
        string line = OneLine(e.Message);
        if (TransientFailure.StatusOf(e) is not { } status) return line;
        string head = $"HTTP {status}";
        if (!line.StartsWith(head, StringComparison.Ordinal)) return line.Length == 0 ? head : $"{head}: {line}";
        string rest = line[head.Length..].TrimStart();
        if (rest.StartsWith('(') && rest.IndexOf(')', StringComparison.Ordinal) is > 0 and var close)
        {
            string kind = rest[1..close].Trim();
            rest = rest[(close + 1)..].TrimStart();
            if (kind.Trim(':', ' ').Length > 0) head += $" ({kind})";
        }
        return rest.Length == 0 ? head : $"{head}: {rest}";
    }

    /// <summary>
    /// The message on one line, its lines joined: the provider's own explanation ("model does not exist") follows the
    /// status line in the client library's message, and is what the user needs. At most 500 characters.
    /// </summary>
    internal static string OneLine(string message)
    {
        var parts = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string line = string.Join(" ", parts);
        return line.Length <= 500 ? line : line[..499] + "…";
    }
}

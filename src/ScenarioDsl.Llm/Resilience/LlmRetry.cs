using System.ClientModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;

namespace ScenarioDsl.Llm.Resilience;

/// <summary>
/// One retry of an LLM call by <see cref="ResilientChatClient"/>: the attempt that comes next, why the last one failed, and
/// how long the client waits before it. Handed to <see cref="ILlmRetryObserver"/>; the same instance to both of its
/// methods, so an observer can pair them by reference (two calls retrying alike are two instances).
/// </summary>
public sealed class LlmRetry
{
    public LlmRetry(int attempt, int maxAttempts, string reason, TimeSpan wait, int? status = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, attempt);
        ArgumentNullException.ThrowIfNull(reason);
        Attempt = attempt;
        MaxAttempts = maxAttempts;
        Reason = reason;
        Wait = wait;
        Status = status;
    }

    /// <summary>The attempt the call makes after the wait (2 for the first retry).</summary>
    public int Attempt { get; }

    /// <summary>The most attempts the call makes (<see cref="RetryOptions.MaxRetries"/> + 1).</summary>
    public int MaxAttempts { get; }

    /// <summary>
    /// Why the previous attempt failed, in a few words: "HTTP 429", "timed out after 60 s", "connection refused". Made
    /// only from the status, the timeout or the kind of network failure: never from a server's body or an exception's
    /// message, so it holds no API key, host or server text.
    /// </summary>
    public string Reason { get; }

    /// <summary>The wait before the next attempt (the server's Retry-After, or the backoff).</summary>
    public TimeSpan Wait { get; }

    /// <summary>The HTTP status of the failed attempt; null for a timeout or a network failure.</summary>
    public int? Status { get; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Reason}, attempt {Attempt} of {MaxAttempts} in {Wait.TotalSeconds:0.0} s");

    /// <summary>
    /// The <see cref="Reason"/> for a failure the client retries: the status for an HTTP failure, else the kind of network
    /// failure (found in the exception's chain, by type and error code, never by its text).
    /// </summary>
    internal static string ReasonFor(Exception failure)
    {
        if (TransientFailure.StatusOf(failure) is { } status) return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.ConnectionReset => "connection reset",
                    SocketError.ConnectionAborted => "connection aborted",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                    SocketError.HostUnreachable => "host unreachable",
                    SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
                    _ => "network error",
                };
            }
        }
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException http)
            {
                switch (http.HttpRequestError)
                {
                    case HttpRequestError.NameResolutionError: return "host not found";
                    case HttpRequestError.ConnectionError: return "connection failed";
                    case HttpRequestError.SecureConnectionError: return "TLS connection failed";
                    case HttpRequestError.ResponseEnded: return "connection closed";
                    case HttpRequestError.ProxyTunnelError: return "proxy failed";
                }
            }
        }
        return failure switch
        {
            TimeoutException => "timed out",
            IOException or HttpRequestException or ClientResultException => "network error",
            _ => "failed",
        };
    }
}

/// <summary>
/// Told of every retry of <see cref="ResilientChatClient"/> (set on <see cref="RetryOptions.Observer"/>): before each wait,
/// and when the wait is over. Calls of many runs retry at once under <c>--parallel</c>, so both methods are called from any
/// thread, concurrently: an observer must be thread-safe, and quick (the call waits for it). They are called on the
/// calling code's asynchronous flow, so its <see cref="AsyncLocal{T}"/> values (which run a call serves, say) are visible.
/// What they throw is not caught: it fails the call.
/// </summary>
public interface ILlmRetryObserver
{
    /// <summary>The call's last attempt failed for a passing reason; the client now waits <see cref="LlmRetry.Wait"/>.</summary>
    void Waiting(LlmRetry retry);

    /// <summary>
    /// The wait of <paramref name="retry"/> is over: the next attempt starts, or the caller cancelled the call during the
    /// wait. Called once after each <see cref="Waiting"/>, with the same instance.
    /// </summary>
    void WaitOver(LlmRetry retry);
}

using System.ClientModel;
using System.Globalization;
using System.Net;

namespace ScenarioDsl.Llm.Resilience;

/// <summary>Which failures of a call are worth retrying, and the wait a server asked for.</summary>
public static class TransientFailure
{
    /// <summary>The HTTP status of a failed call, when the exception carries one.</summary>
    public static int? StatusOf(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => e.Status,
        HttpRequestException { StatusCode: { } code } => (int)code,
        LlmHttpException e => e.Status,
        _ => null,
    };

    /// <summary>429, 408 and 5xx responses, and failures to reach the server at all (no status).</summary>
    public static bool IsTransient(Exception exception)
    {
        var status = StatusOf(exception);
        if (status is { } s) return s is 408 or 429 || s >= 500;
        return exception is HttpRequestException or ClientResultException or IOException or TimeoutException;
    }

    /// <summary>The Retry-After (or retry-after-ms) the response carried, as a wait from <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfter(Exception exception, DateTimeOffset now)
    {
        string? seconds = null, milliseconds = null;
        switch (exception)
        {
            case ClientResultException e when e.GetRawResponse() is { } response:
                response.Headers.TryGetValue("retry-after-ms", out milliseconds);
                response.Headers.TryGetValue("Retry-After", out seconds);
                break;
            case LlmHttpException e:
                seconds = e.RetryAfter;
                milliseconds = e.RetryAfterMilliseconds;
                break;
        }
        return Parse(milliseconds, seconds, now);
    }

    /// <summary>
    /// The forms of an HTTP date (RFC 9110 section 5.6.7): IMF-fixdate, the obsolete RFC 850 form and asctime's, all in GMT.
    /// Only these: a lenient parser reads things like "1,5" or "12/31" as dates years ahead.
    /// </summary>
    private static readonly string[] HttpDateFormats =
    [
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
        "ddd MMM d HH:mm:ss yyyy",
    ];

    /// <summary>
    /// Parses <c>retry-after-ms</c> (milliseconds) or <c>Retry-After</c> (seconds, or an HTTP date); null for anything
    /// else, so the caller backs off as it would without the header.
    /// </summary>
    public static TimeSpan? Parse(string? milliseconds, string? retryAfter, DateTimeOffset now)
    {
        if (milliseconds is not null && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            return Milliseconds(ms);
        if (retryAfter is null) return null;
        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0)
            return Milliseconds(s * 1000);
        if (DateTimeOffset.TryParseExact(retryAfter.Trim(), HttpDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var date))
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    /// <summary>
    /// A wait of <paramref name="ms"/> milliseconds; <see cref="TimeSpan.MaxValue"/> for a value no TimeSpan holds ("1e300",
    /// "Infinity"), which is above any cap, so the call fails as "asked to retry after more than ..." instead of overflowing.
    /// </summary>
    private static TimeSpan Milliseconds(double ms) => ms < 1e15 ? TimeSpan.FromMilliseconds(ms) : TimeSpan.MaxValue;
}

/// <summary>An HTTP failure from a chat client that does not throw the OpenAI client's exception type.</summary>
public sealed class LlmHttpException(int status, string message, string? retryAfter = null) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The raw Retry-After header value, if any.</summary>
    public string? RetryAfter { get; } = retryAfter;

    /// <summary>The raw retry-after-ms header value, if any (it wins over <see cref="RetryAfter"/>).</summary>
    public string? RetryAfterMilliseconds { get; init; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Status;
}

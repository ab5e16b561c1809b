using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScenarioDsl.Llm.Tests.Fakes;

/// <summary>
/// One scripted answer: an HTTP status (200 answers with <see cref="Text"/>; another status sends <see cref="Text"/>, when
/// given, as the error body's message), an optional Retry-After, a delay before answering. <see cref="Body"/>, when given,
/// is sent as the response body verbatim (a misbehaving server: not JSON, no choices...).
/// </summary>
public sealed record FakeStep(int Status = 200, string? Text = null, string? RetryAfter = null, TimeSpan Delay = default)
{
    public string? Body { get; init; }
}

/// <summary>What the server saw of one request.</summary>
public sealed record FakeRequest(string Path, string? Authorization, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The text of the last message (the persona's latest line).</summary>
    public string LastMessage => MessageText(Json.GetProperty("messages").GetArrayLength() - 1);

    /// <summary>How many of the request's messages are the assistant's: the turn being asked for, less one.</summary>
    public int AssistantMessages => Json.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "assistant");

    /// <summary>The text of message <paramref name="index"/> (content as a string or as text parts).</summary>
    public string MessageText(int index)
    {
        var content = Json.GetProperty("messages")[index].GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString() ?? ""
            : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""));
    }
}

/// <summary>
/// A loopback OpenAI-compatible chat completions server (Kestrel on 127.0.0.1, a random port): answers POST
/// .../chat/completions with the next scripted <see cref="FakeStep"/>, or, when the script is empty, with
/// <see cref="Responder"/>'s text. Records every request (path, Authorization header, body). <see cref="Hold"/>
/// can delay or hold any request before it is answered.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeStep> _script = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The reply when the script is empty; default echoes a fixed empathic line.</summary>
    public Func<FakeRequest, string> Responder { get; set; } = _ => "It sounds like a lot. That makes sense.";

    /// <summary>
    /// Awaited for every chat request once it is recorded and before it is answered: a test can delay replies or
    /// hold one until the client gives up. The token is cancelled when the client goes away (a cancelled call, a
    /// killed process) or the server is disposed; the connection is then aborted without an answer.
    /// </summary>
    public Func<FakeRequest, CancellationToken, Task>? Hold { get; set; }

    /// <summary>
    /// Chooses the answer to a request the script does not answer (called for each, from the server's threads, so it must be
    /// thread-safe): a step, or null for <see cref="Responder"/>'s text. Lets a test fail requests by what they ask.
    /// </summary>
    public Func<FakeRequest, FakeStep?>? Step { get; set; }

    public IReadOnlyList<FakeRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    public int RequestCount
    {
        get { lock (_gate) return _requests.Count; }
    }

    /// <summary>Completes when the server has received at least <paramref name="count"/> requests (polls; fails after 30 s).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (RequestCount < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the fake server received {RequestCount} of {count} requests");
            await Task.Delay(10);
        }
    }

    public void Enqueue(params FakeStep[] steps)
    {
        foreach (var step in steps) _script.Enqueue(step);
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address).Port;
        server.Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync();
        var request = new FakeRequest(context.Request.Path.Value ?? "", context.Request.Headers.Authorization.FirstOrDefault(), body);
        lock (_gate) _requests.Add(request);

        if (!request.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (Hold is { } hold)
        {
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await hold(request, gone.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }
        }
        var step = _script.TryDequeue(out var next) ? next : Step?.Invoke(request) ?? new FakeStep();
        if (step.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(step.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = step.Status;
        context.Response.ContentType = "application/json";
        if (step.RetryAfter is not null) context.Response.Headers.RetryAfter = step.RetryAfter;
        string json = step.Body ?? (step.Status == 200
            ? Completion(step.Text ?? Responder(request), request)
            : JsonSerializer.Serialize(new { error = new { message = step.Text ?? $"scripted failure {step.Status}", type = "fake_error", code = step.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) } }));
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private int _id;

    private string Completion(string text, FakeRequest request)
    {
        var model = request.Json.TryGetProperty("model", out var m) ? m.GetString() : "fake-model";
        int prompt = request.Body.Length / 4;
        int completion = Math.Max(1, text.Length / 4);
        return JsonSerializer.Serialize(new
        {
            id = $"chatcmpl-{Interlocked.Increment(ref _id)}",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
            usage = new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

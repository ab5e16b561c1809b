using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace ScenarioDsl.LanguageServer.Tests;

/// <summary>
/// A client that sends its whole session at once (as a shell pipe does: initialize, initialized,
/// shutdown, exit, then the end of the input) must still get every response it is owed, written
/// before the server reports its exit code. The messages are raw Content-Length frames written in
/// one burst into the server's input; the server's output is captured byte for byte.
/// </summary>
public class ExitTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_burst_with_shutdown_gets_both_responses_and_exit_code_0(bool endInputAfterExit)
    {
        var (exitCode, responses) = await RunBurstAsync(withShutdown: true, endInputAfterExit);

        Assert.Equal(0, exitCode);
        Assert.Equal(new[] { 1, 2 }, responses.Select(r => r.GetProperty("id").GetInt32()));
        var initialize = responses[0].GetProperty("result");
        Assert.Equal("emps", initialize.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.True(initialize.GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
        Assert.Equal(JsonValueKind.Null, responses[1].GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_burst_without_shutdown_gets_the_initialize_response_and_exit_code_1(bool endInputAfterExit)
    {
        var (exitCode, responses) = await RunBurstAsync(withShutdown: false, endInputAfterExit);

        Assert.Equal(1, exitCode);
        var response = Assert.Single(responses);
        Assert.Equal(1, response.GetProperty("id").GetInt32());
        Assert.Equal("emps", response.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_end_of_the_input_without_exit_still_answers_what_was_received()
    {
        var input = new Pipe();
        var output = new CaptureStream();
        using var server = EmpsLanguageServer.Start(input.Reader.AsStream(), output);
        await input.Writer.WriteAsync(Frames(Initialize(1), Request(2, "textDocument/documentSymbol", new { textDocument = new { uri = "untitled:x" } })));
        await input.Writer.CompleteAsync();

        int exitCode = await server.Completion.WaitAsync(LspTestClient.Timeout);
        server.Dispose();

        Assert.Equal(1, exitCode);
        var responses = Responses(output.Snapshot());
        Assert.Equal(new[] { 1, 2 }, responses.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(JsonValueKind.Array, responses[1].GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_response_that_never_gets_written_holds_the_exit_only_for_the_exit_timeout(bool exit)
    {
        // The client never reads: the initialize response can never be written. The server must
        // still end, after waiting for it no less than the exit timeout (the lower bound is exact up to
        // the timer's granularity: nothing else can end the wait; the upper bound is only the test's
        // failure timeout).
        var timeout = TimeSpan.FromMilliseconds(300);
        var input = new Pipe();
        var output = new StuckStream();
        using var server = EmpsLanguageServer.Start(input.Reader.AsStream(), output, new LanguageServerOptions { ExitTimeout = timeout });
        await input.Writer.WriteAsync(Frames(Initialize(1)));
        await output.WriteStarted.WaitAsync(LspTestClient.Timeout);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (exit) await input.Writer.WriteAsync(Frames(Notification("exit", null)));
        else await input.Writer.CompleteAsync();

        int exitCode = await server.Completion.WaitAsync(LspTestClient.Timeout);

        Assert.Equal(1, exitCode);
        // A timer may fire up to a tick (a few ms) before the stopwatch says the time is up. With the
        // exact bound this test failed in 2 of 3 runs of the project right after a build, each run of
        // it taking 306-316 ms (the message was not captured, so that cause is likely, not proven).
        // Ending without waiting at all takes a few ms, so the tolerance keeps the test's meaning.
        Assert.True(clock.Elapsed >= timeout - TimeSpan.FromMilliseconds(25), $"ended after {clock.Elapsed.TotalMilliseconds} ms");
    }

    /// <summary>
    /// Writes the session in one write, optionally ends the input, waits (with a failure timeout
    /// only) for the server's exit code and returns it with the responses that were in the output
    /// at that moment: a host exits as soon as it has the code, so later bytes would be lost.
    /// </summary>
    private static async Task<(int ExitCode, List<JsonElement> Responses)> RunBurstAsync(bool withShutdown, bool endInputAfterExit)
    {
        var input = new Pipe();
        var output = new CaptureStream();
        using var server = EmpsLanguageServer.Start(input.Reader.AsStream(), output);
        var messages = new List<object> { Initialize(1), Notification("initialized", new { }) };
        if (withShutdown) messages.Add(Request(2, "shutdown", null));
        messages.Add(Notification("exit", null));
        await input.Writer.WriteAsync(Frames(messages.ToArray()));
        if (endInputAfterExit) await input.Writer.CompleteAsync();

        int exitCode = await server.Completion.WaitAsync(LspTestClient.Timeout);
        // What `emps lsp` does next: dispose the server, then the process ends.
        server.Dispose();
        return (exitCode, Responses(output.Snapshot()));
    }

    private static object Initialize(int id) => Request(id, "initialize", new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } });

    private static object Request(int id, string method, object? parameters) => new { jsonrpc = "2.0", id, method, @params = parameters };

    private static object Notification(string method, object? parameters) => new { jsonrpc = "2.0", method, @params = parameters };

    private static readonly JsonSerializerOptions OmitNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static byte[] Frames(params object[] messages)
    {
        var bytes = new MemoryStream();
        foreach (var message in messages)
        {
            byte[] body = JsonSerializer.SerializeToUtf8Bytes(message, OmitNulls);
            bytes.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            bytes.Write(body);
        }
        return bytes.ToArray();
    }

    /// <summary>The responses (messages with an id and a result or error) among the frames, in order.</summary>
    private static List<JsonElement> Responses(byte[] output)
    {
        var responses = new List<JsonElement>();
        int at = 0;
        while (at < output.Length)
        {
            int headerEnd = IndexOf(output, "\r\n\r\n"u8, at);
            Assert.True(headerEnd >= 0, $"incomplete header at byte {at}: {Encoding.UTF8.GetString(output, at, output.Length - at)}");
            string header = Encoding.ASCII.GetString(output, at, headerEnd - at);
            int length = int.Parse(header.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim());
            int bodyStart = headerEnd + 4;
            Assert.True(bodyStart + length <= output.Length, $"truncated message at byte {at}");
            using var document = JsonDocument.Parse(output.AsMemory(bodyStart, length));
            var message = document.RootElement.Clone();
            if (message.TryGetProperty("id", out _) && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _)))
                responses.Add(message);
            at = bodyStart + length;
        }
        return responses;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle, int from)
    {
        int i = haystack.AsSpan(from).IndexOf(needle);
        return i < 0 ? -1 : from + i;
    }

    /// <summary>A write-only stream whose writes never complete (until cancelled): a client that does not read.</summary>
    private sealed class StuckStream : WriteOnlyStream
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WriteStarted => _started.Task;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("the client does not read");
    }

    /// <summary>A write-only stream whose bytes can be copied out while the server may still be writing.</summary>
    private sealed class CaptureStream : WriteOnlyStream
    {
        private readonly MemoryStream _bytes = new();

        public byte[] Snapshot()
        {
            lock (_bytes) return _bytes.ToArray();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_bytes) _bytes.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_bytes) _bytes.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>What both test streams share: writing only, nothing to flush.</summary>
    private abstract class WriteOnlyStream : Stream
    {
        public override void Flush()
        {
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

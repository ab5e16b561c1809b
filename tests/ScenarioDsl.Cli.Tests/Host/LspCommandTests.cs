using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ScenarioDsl.Cli.Tests.Infrastructure;

namespace ScenarioDsl.Cli.Tests.Host;

/// <summary>
/// <c>emps lsp</c> as a client on a pipe sees it: a separate process whose whole session is written
/// in one burst. The process ends as soon as the server reports its exit code, so every response
/// it owes must be on stdout by then.
/// </summary>
public sealed class LspCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("-5")]
    [InlineData("-1")]
    public async Task A_negative_diagnostics_delay_is_a_usage_error(string value)
    {
        // Bounded: a command that accepted the value would start the server on this process's stdin.
        var result = await Task.Run(() => CliRunner.Run(TestPaths.ProjectDirectory, "lsp", "--diagnostics-delay", value))
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"invalid --diagnostics-delay '{value}'", result.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("250")]
    public void A_delay_of_zero_or_more_is_accepted(string value)
    {
        var parse = EmpsCli.CreateRootCommand().Parse(["lsp", "--diagnostics-delay", value]);

        Assert.Empty(parse.Errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Initialize_shutdown_exit_in_one_burst_are_all_answered_and_exit_0(bool closeInput)
    {
        var (exitCode, responses) = await RunLspAsync(withShutdown: true, closeInput);

        Assert.Equal(0, exitCode);
        Assert.Equal(new[] { 1, 2 }, responses.Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal("emps", responses[0].GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, responses[1].GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Initialize_exit_in_one_burst_answers_initialize_and_exits_1()
    {
        var (exitCode, responses) = await RunLspAsync(withShutdown: false, closeInput: true);

        Assert.Equal(1, exitCode);
        Assert.Equal(1, Assert.Single(responses).GetProperty("id").GetInt32());
    }

    private static async Task<(int ExitCode, List<JsonElement> Responses)> RunLspAsync(bool withShutdown, bool closeInput)
    {
        using var folder = new TempFolder();
        string emps = Path.Combine(AppContext.BaseDirectory, "emps.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(emps);
        start.ArgumentList.Add("lsp");
        using var process = Process.Start(start)!;
        try
        {
            var stdout = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var errors = process.StandardError.ReadToEndAsync();

            var messages = new List<string>
            {
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""",
                """{"jsonrpc":"2.0","method":"initialized","params":{}}""",
            };
            if (withShutdown) messages.Add("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
            messages.Add("""{"jsonrpc":"2.0","method":"exit"}""");
            var burst = new MemoryStream();
            foreach (var body in messages.Select(Encoding.UTF8.GetBytes))
            {
                burst.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
                burst.Write(body);
            }
            await process.StandardInput.BaseStream.WriteAsync(burst.ToArray());
            await process.StandardInput.BaseStream.FlushAsync();
            if (closeInput) process.StandardInput.Close();

            // The process must end on `exit` by itself (the input may still be open).
            await process.WaitForExitAsync().WaitAsync(Timeout);
            await reading.WaitAsync(Timeout);
            Assert.True(process.ExitCode is 0 or 1, $"exit code {process.ExitCode}; stderr: {await errors}");
            return (process.ExitCode, Responses(stdout.ToArray()));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The responses (an id and a result or error) among Content-Length frames, in order.</summary>
    private static List<JsonElement> Responses(byte[] output)
    {
        var responses = new List<JsonElement>();
        int at = 0;
        while (at < output.Length)
        {
            int headerEnd = output.AsSpan(at).IndexOf("\r\n\r\n"u8);
            Assert.True(headerEnd >= 0, $"incomplete header at byte {at}: {Encoding.UTF8.GetString(output, at, output.Length - at)}");
            string header = Encoding.ASCII.GetString(output, at, headerEnd);
            int length = int.Parse(header.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim());
            int bodyStart = at + headerEnd + 4;
            Assert.True(bodyStart + length <= output.Length, $"truncated message at byte {at}");
            using var document = JsonDocument.Parse(output.AsMemory(bodyStart, length));
            var message = document.RootElement.Clone();
            if (message.TryGetProperty("id", out _) && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _)))
                responses.Add(message);
            at = bodyStart + length;
        }
        return responses;
    }
}

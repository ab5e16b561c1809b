using System.Diagnostics;
using System.Text;
using ScenarioDsl.LanguageServer.Protocol;
using Xunit.Abstractions;

namespace ScenarioDsl.LanguageServer.Tests;

/// <summary>
/// The measured harness of docs/performance.md (Language server): time from sending a didChange
/// to receiving the publishDiagnostics for that version, in a workspace of about 5,000 lines.
/// Run: dotnet test tests/ScenarioDsl.LanguageServer.Tests -c Release --filter Category=Performance --logger "console;verbosity=detailed"
/// </summary>
public class DiagnosticsLatencyTests
{
    private readonly ITestOutputHelper _output;

    public DiagnosticsLatencyTests(ITestOutputHelper output) => _output = output;

    internal static TempWorkspace CreateWorkspace(int files, out int lines)
    {
        var ws = new TempWorkspace();
        var space = new StringBuilder("space Big \"A ten-dimensional space\" {\n");
        for (int d = 0; d < 10; d++) space.Append("  d").Append(d).Append(" [-1, 1] \"dimension ").Append(d).Append("\"\n");
        space.Append("}\n\ncues {\n  kind \"that makes sense\", \"i see\"\n  ask \"?\"\n}\n");
        ws.Write("space.emps", space.ToString());
        lines = space.ToString().Split('\n').Length;
        for (int f = 0; f < files; f++)
        {
            var sb = new StringBuilder();
            for (int p = 0; p < 10; p++)
            {
                string name = $"P{f}_{p}";
                sb.Append("persona ").Append(name).Append(" in Big {\n  about \"persona ").Append(name).Append("\"\n  start { ");
                sb.Append(string.Join(", ", Enumerable.Range(0, 10).Select(d => $"d{d}: 0.{d}"))).Append(" }\n");
                for (int r = 0; r < 12; r++)
                    sb.Append("  on ").Append(r % 2 == 0 ? "kind" : "ask").Append(" when d").Append(r % 10).Append(" < 0.9 => d").Append((r + 1) % 10).Append(" += 0.01, d").Append((r + 2) % 10).Append(" -= 0.01\n");
                sb.Append("  says when d0 > 0.5 \"better\"\n  says \"hm\"\n}\n\n");
                sb.Append("goal G").Append(f).Append('_').Append(p).Append(" in Big {\n  target { d0: 0.5, d1: 0.6 }\n  turns 12\n}\n\n");
                sb.Append("scenario S").Append(f).Append('_').Append(p).Append(" {\n  persona ").Append(name).Append("\n  goal G").Append(f).Append('_').Append(p).Append("\n}\n\n");
            }
            string text = sb.ToString();
            lines += text.Split('\n').Length;
            ws.Write($"file{f}.emps", text);
        }
        return ws;
    }

    [Fact]
    [Trait("Category", "Performance")]
    public async Task DidChange_to_publishDiagnostics_on_a_5000_line_workspace()
    {
        // The test host keeps two thread-pool threads blocked for the whole run (VSTest's socket
        // message loop in Socket.Poll, the xunit adapter's WaitOne; seen in an EventPipe trace of this
        // test), which a server process does not have. On a two-core machine the pool starts with two
        // threads, so without these two more, work items wait for the pool's starvation injection
        // (0.7-1 s, once per run); the two are given back to the pool here.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(workers + 2, io);
        try
        {
            await MeasureAsync();
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }
    }

    private async Task MeasureAsync()
    {
        using var ws = CreateWorkspace(files: 16, out int lines);
        Assert.InRange(lines, 4500, 6500);
        await using var client = await LspTestClient.StartAsync(ws.Root, delay: TimeSpan.FromMilliseconds(10));
        string uri = ws.UriOf("file0.emps");
        string text = File.ReadAllText(ws.PathOf("file0.emps"));
        await client.OpenAsync(uri, text);
        await client.WaitForDiagnosticsAsync(uri, p => p.Version == 1);

        // Toggle one character of a dimension name in a rule: 'd1 +=' <-> 'x1 +=' (unknown dimension).
        var (line, ch) = Samples.Find(text, "d1 += 0.01");
        var samples = new List<double>();
        int version = 1;
        for (int i = 0; i < 120; i++)
        {
            string replacement = i % 2 == 0 ? "x" : "d";
            var watch = Stopwatch.StartNew();
            await client.ChangeAsync(uri, ++version, new TextDocumentContentChangeEvent(new Range(new Position(line, ch), new Position(line, ch + 1)), 1, replacement));
            int expected = version;
            await client.WaitForDiagnosticsAsync(uri, p => p.Version == expected);
            if (i >= 20) samples.Add(watch.Elapsed.TotalMilliseconds); // after warm-up
        }
        samples.Sort();
        double P(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(q * samples.Count) - 1)];
        _output.WriteLine($"workspace: {lines} lines in 17 files; debounce 10 ms; {samples.Count} edits measured");
        _output.WriteLine($"didChange -> publishDiagnostics: p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, max {samples[^1]:F1} ms");

        // The same edits on the language core alone (reparse one file + bind the workspace), to
        // separate the compilation's cost from the server's (framing, JSON, debounce, dispatch).
        var compilation = client.Server.Workspace.Current.Compilation;
        var source = client.Server.Workspace.Current.OpenDocuments.Values.Single().Text;
        var core = new List<double>();
        for (int i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            var changed = source.WithText(source.Text.Remove(source.GetPosition(new ScenarioDsl.Language.Text.LinePosition(line, ch)), 1)
                .Insert(source.GetPosition(new ScenarioDsl.Language.Text.LinePosition(line, ch)), i % 2 == 0 ? "x" : "d"));
            compilation = compilation.WithText(changed);
            _ = client.Server.Workspace.Current.Severities.For(source.Path).Apply(compilation.Diagnostics).Count;
            if (i >= 10) core.Add(watch.Elapsed.TotalMilliseconds);
        }
        core.Sort();
        double C(double q) => core[(int)Math.Min(core.Count - 1, Math.Ceiling(q * core.Count) - 1)];
        _output.WriteLine($"language core only (reparse + bind + diagnostics): p50 {C(0.50):F1} ms, p95 {C(0.95):F1} ms");

        // A generous bound so a loaded CI machine does not flake; the target (p95 < 50 ms) is recorded in docs/performance.md.
        Assert.True(P(0.95) < 500, $"p95 {P(0.95):F1} ms");
    }
}

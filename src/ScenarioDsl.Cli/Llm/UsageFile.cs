using System.Text;
using System.Text.Json;
using ScenarioDsl.Llm.Usage;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Cli.Llm;

/// <summary>
/// DIR/llm-usage.jsonl: one line per LLM run with calls, tokens (when the provider reports them) and latency.
/// Kept beside results.jsonl rather than in it, so results stay bit-identical between a recorded run and its
/// replay (latency is measured, never replayed). Lines are appended whole, after ending a torn last line a killed run
/// left; readers skip torn lines.
/// </summary>
public static class UsageFile
{
    public const string FileName = "llm-usage.jsonl";

    private static readonly object Gate = new();

    public sealed record Line(string Scenario, int Seed, string Agent, int Calls, long? InputTokens, long? OutputTokens, long? TotalTokens, double LatencyMs, double MaxLatencyMs)
    {
        /// <summary>How many of <see cref="Calls"/> the LLM roles made (persona lines, cue verdicts); the rest are the agent's.</summary>
        public int RoleCalls { get; init; }

        /// <summary>The suite of a suite case (absent for a scenario), as in results.jsonl.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? Suite { get; init; }

        [System.Text.Json.Serialization.JsonIgnore]
        public string Key => RunRecord.KeyOf(Suite, Scenario, Seed, Agent);
    }

    public static void Append(string directory, string? suite, string scenario, int seed, string agent, RunUsage usage)
    {
        var line = new Line(scenario, seed, agent, usage.Calls, usage.InputTokens, usage.OutputTokens, usage.TotalTokens,
            Math.Round(usage.LatencyMs, 1), Math.Round(usage.MaxLatencyMs, 1)) { Suite = suite, RoleCalls = usage.RoleCalls };
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, RunRecords.Options) + "\n");
        lock (Gate)
        {
            using var stream = new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            // A killed run can leave a torn last line (no line break): end it first, or this line would be glued to it and
            // lost with it when read (the torn line itself is then skipped, as readers skip any line that does not parse).
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n');
            }
            stream.Seek(0, SeekOrigin.End);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The complete lines of DIR/llm-usage.jsonl (none when absent), the last per run.</summary>
    public static IReadOnlyList<Line> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return [];
        var lines = new Dictionary<string, Line>(StringComparer.Ordinal);
        var text = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        for (int i = 0; i < text.Length - 1; i++)
        {
            try
            {
                if (JsonSerializer.Deserialize<Line>(text[i], RunRecords.Options) is { Agent.Length: > 0 } line) lines[line.Key] = line;
            }
            catch (JsonException)
            {
            }
        }
        return lines.Values.ToArray();
    }

    /// <summary>
    /// Makes DIR/llm-usage.jsonl hold one line per run of <paramref name="finished"/> (the runs results.jsonl holds), the
    /// last of each, before a sweep appends to it: a kill between a run's usage line and its results line leaves a line
    /// for a run that is made again (which would then have two, and be counted twice by anyone summing the lines), and a
    /// kill during a write leaves a torn line. Rewritten (temp file and rename) only when there is such a line.
    /// </summary>
    public static void Tidy(string directory, IReadOnlySet<string> finished)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return;
        var text = File.ReadAllText(path, Encoding.UTF8);
        int count = text.Split('\n').Length - 1;
        var kept = Read(directory).Where(l => finished.Contains(l.Key)).ToArray();
        if (kept.Length == count && text.EndsWith('\n')) return;
        lock (Gate) Write(directory, kept);
    }

    public static void Write(string directory, IEnumerable<Line> lines)
    {
        var path = Path.Combine(directory, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, string.Concat(lines.Select(l => JsonSerializer.Serialize(l, RunRecords.Options) + "\n")), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}

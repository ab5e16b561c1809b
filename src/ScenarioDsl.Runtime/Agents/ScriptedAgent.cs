using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// Replies read from a file (SPEC 5): line t is the reply at turn t; the last line repeats when the file
/// is shorter; an empty file replies "". Lines are read once, when the agent is created.
/// </summary>
public sealed class ScriptedAgent : IAgent
{
    public const string Prefix = "scripted:";

    private readonly string[] _lines;

    public ScriptedAgent(IReadOnlyList<string> lines, string name = "scripted")
    {
        _lines = lines.ToArray();
        Name = name;
    }

    public string Name { get; }

    public static ScriptedAgent FromFile(string path, string? displayPath = null)
    {
        var lines = File.ReadAllLines(path);
        return new ScriptedAgent(lines, Prefix + (displayPath ?? path));
    }

    public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
    {
        if (_lines.Length == 0) return new("");
        int index = Math.Min(context.Turn, _lines.Length) - 1;
        return new(_lines[index]);
    }
}

using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Runtime.Agents;

namespace ScenarioDsl.Cli.Run;

/// <summary>
/// The agents of one <c>emps run</c>: <c>--agent</c> may be repeated and each value may be a comma list
/// (<c>--agent generic,aligned</c>); duplicates are dropped, order kept. Without <c>--agent</c>, the four
/// reference agents generic, validating, aligned and sycophant, so the scorecard compares them.
/// A file name may hold commas (<c>--agent "scripted:a,b.txt"</c>): a value that is <c>scripted:</c> and an
/// existing file is one agent (see <see cref="Split"/>).
/// </summary>
public static class AgentSelection
{
    private const StringSplitOptions NameSplit = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;

    /// <summary>The agent names of the <c>--agent</c> values; FILE of <c>scripted:FILE</c> is relative to <paramref name="workingDirectory"/>.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> values, string workingDirectory)
    {
        var names = values
            .SelectMany(v => Split(v, workingDirectory))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count > 0 ? names : AgentCatalog.BuiltInNames;
    }

    /// <summary>
    /// The agent names of one <c>--agent</c> value (trimmed). A value that starts with <c>scripted:</c> is taken whole
    /// when the rest names an existing file, commas and all. Otherwise it is split at commas as any other value
    /// (<c>scripted:x.txt,generic</c> is two agents when there is no file <c>x.txt,generic</c>), except when neither
    /// would name anything: the first item no existing file and a later one no agent. Then the value is taken whole,
    /// so that a missing <c>scripted:a,b.txt</c> is reported as the file <c>a,b.txt</c>, not as a file <c>a</c> and
    /// an unknown agent <c>b.txt</c> (while <c>scripted:x.txt,friendly</c> with x.txt there still says 'friendly' is
    /// unknown). Only a whole value can be such a file: a scripted file after the first item of a comma list is split
    /// like the rest, so a file with commas goes in an <c>--agent</c> of its own.
    /// </summary>
    internal static IReadOnlyList<string> Split(string value, string workingDirectory)
    {
        var parts = value.Split(',', NameSplit);
        string whole = value.Trim();
        if (parts.Length < 2 || !whole.StartsWith(ScriptedAgent.Prefix, StringComparison.Ordinal)) return parts;
        if (NamesExistingFile(whole, workingDirectory)) return [whole];
        return parts.Skip(1).All(IsAgentName) || NamesExistingFile(parts[0], workingDirectory) ? parts : [whole];
    }

    private static bool NamesExistingFile(string scripted, string workingDirectory)
    {
        string file = scripted[ScriptedAgent.Prefix.Length..];
        try
        {
            return File.Exists(Path.Combine(workingDirectory, file));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether a part of a comma list is a name <c>--agent</c> knows (it may still fail, e.g. a missing script).</summary>
    private static bool IsAgentName(string part) =>
        AgentCatalog.BuiltInNames.Contains(part, StringComparer.Ordinal)
        || (part.StartsWith(ScriptedAgent.Prefix, StringComparison.Ordinal) && part.Length > ScriptedAgent.Prefix.Length)
        || LlmRun.IsLlmAgent(part);

    /// <summary>What <c>--agent</c> takes, for messages.</summary>
    internal static string Expected => string.Join(", ", AgentCatalog.BuiltInNames) + ", scripted:FILE, llm or llm:VARIANT";

    /// <summary>
    /// Usage errors for <c>--agent</c> values that name no agent (<c>""</c>, <c>","</c>), such as <c>--agent "$AGENT"</c>
    /// with the variable unset: the default agents are for an absent <c>--agent</c>, not an empty one.
    /// </summary>
    public static IReadOnlyList<string> EmptyValueErrors(IReadOnlyList<string> values) =>
        values
            .Where(v => v.Split(',', NameSplit).Length == 0)
            .Select(v => $"--agent '{v}' names no agent; expected {Expected} (omit --agent for the four reference agents)")
            .ToArray();

    /// <summary>
    /// The message for a name that is no agent: `scripted` without its file says how to give one; a near miss of a
    /// reference agent's name gets a suggestion, as a misspelt name in a .emps file does.
    /// </summary>
    internal static string UnknownAgent(string name)
    {
        if (name == "scripted" || name == ScriptedAgent.Prefix)
            return $"agent '{name}' needs its file of replies: --agent scripted:FILE (one reply per line).";
        var suggestion = Language.Syntax.NameSuggester.Suggest(name, AgentCatalog.BuiltInNames.Append("llm"));
        return suggestion is null
            ? $"unknown agent '{name}'; expected one of {Expected}."
            : $"unknown agent '{name}'; did you mean '{suggestion}'? Expected one of {Expected}.";
    }

    /// <summary>Creates the agents; errors (unknown names, unreadable scripts) are returned as messages.</summary>
    public static (IReadOnlyList<IAgent> Agents, IReadOnlyList<string> Errors) Create(IReadOnlyList<string> names, string workingDirectory)
    {
        var agents = new List<IAgent>();
        var errors = new List<string>();
        foreach (var name in names)
        {
            try
            {
                agents.Add(AgentCatalog.Create(name, workingDirectory));
            }
            catch (ArgumentException)
            {
                // The runtime's catalogue knows its own agents only; the command also takes the LLM agents (LlmRun).
                errors.Add(UnknownAgent(name));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot read the script of agent '{name}': {e.Message}");
            }
        }
        return (agents, errors);
    }
}

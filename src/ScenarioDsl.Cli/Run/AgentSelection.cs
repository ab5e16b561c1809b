using ScenarioDsl.Runtime.Agents;

namespace ScenarioDsl.Cli.Run;

/// <summary>
/// The agents of one <c>emps run</c>: <c>--agent</c> may be repeated and each value may be a comma list
/// (<c>--agent generic,aligned</c>); duplicates are dropped, order kept. Without <c>--agent</c>, the four
/// reference agents generic, validating, aligned and sycophant, so the scorecard compares them.
/// </summary>
public static class AgentSelection
{
    private const StringSplitOptions NameSplit = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;

    public static IReadOnlyList<string> Names(IReadOnlyList<string> values)
    {
        var names = values
            .SelectMany(v => v.Split(',', NameSplit))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count > 0 ? names : AgentCatalog.BuiltInNames;
    }

    /// <summary>
    /// Usage errors for <c>--agent</c> values that name no agent (<c>""</c>, <c>","</c>), such as <c>--agent "$AGENT"</c>
    /// with the variable unset: the default agents are for an absent <c>--agent</c>, not an empty one.
    /// </summary>
    public static IReadOnlyList<string> EmptyValueErrors(IReadOnlyList<string> values) =>
        values
            .Where(v => v.Split(',', NameSplit).Length == 0)
            .Select(v => $"--agent '{v}' names no agent; expected generic, validating, aligned, sycophant, scripted:FILE or llm (omit --agent for the four reference agents)")
            .ToArray();

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
            catch (ArgumentException e)
            {
                errors.Add(e.Message.Split(" (Parameter")[0]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"cannot read the script of agent '{name}': {e.Message}");
            }
        }
        return (agents, errors);
    }
}

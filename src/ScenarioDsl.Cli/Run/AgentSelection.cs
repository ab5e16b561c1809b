using ScenarioDsl.Runtime.Agents;

namespace ScenarioDsl.Cli.Run;

/// <summary>
/// The agents of one <c>emps run</c>: <c>--agent</c> may be repeated and each value may be a comma list
/// (<c>--agent generic,aligned</c>); duplicates are dropped, order kept. Without <c>--agent</c>, the four
/// reference agents generic, validating, aligned and sycophant, so the scorecard compares them.
/// </summary>
public static class AgentSelection
{
    public static IReadOnlyList<string> Names(IReadOnlyList<string> values)
    {
        var names = values
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count > 0 ? names : AgentCatalog.BuiltInNames;
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

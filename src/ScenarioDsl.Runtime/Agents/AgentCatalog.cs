namespace ScenarioDsl.Runtime.Agents;

/// <summary>The reference agents by name: generic, validating, aligned, sycophant, scripted:FILE.</summary>
public static class AgentCatalog
{
    public static IReadOnlyList<string> BuiltInNames { get; } =
        [GenericAgent.AgentName, ValidatingAgent.AgentName, AlignedAgent.AgentName, SycophantAgent.AgentName];

    /// <summary>Creates an agent; <c>scripted:FILE</c> resolves FILE against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="IOException">The script file cannot be read.</exception>
    public static IAgent Create(string name, string? baseDirectory = null)
    {
        switch (name)
        {
            case GenericAgent.AgentName: return new GenericAgent();
            case ValidatingAgent.AgentName: return new ValidatingAgent();
            case AlignedAgent.AgentName: return new AlignedAgent();
            case SycophantAgent.AgentName: return new SycophantAgent();
        }
        if (name.StartsWith(ScriptedAgent.Prefix, StringComparison.Ordinal) && name.Length > ScriptedAgent.Prefix.Length)
        {
            var file = name.Substring(ScriptedAgent.Prefix.Length);
            var path = baseDirectory is null ? file : Path.Combine(baseDirectory, file);
            return ScriptedAgent.FromFile(path, file);
        }
        throw new ArgumentException(
            $"Unknown agent '{name}'; expected one of {string.Join(", ", BuiltInNames)} or scripted:FILE.", nameof(name));
    }
}

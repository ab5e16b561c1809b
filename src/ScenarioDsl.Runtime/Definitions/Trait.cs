namespace ScenarioDsl.Runtime.Definitions;

/// <summary>A free-named persona trait with a value in [0, 1].</summary>
public sealed record Trait(string Name, double Value);

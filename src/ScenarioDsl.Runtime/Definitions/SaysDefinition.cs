namespace ScenarioDsl.Runtime.Definitions;

/// <summary><c>says when conditions "text"</c>; no conditions means it always holds.</summary>
public sealed record SaysDefinition(IReadOnlyList<Condition> Conditions, string Text);

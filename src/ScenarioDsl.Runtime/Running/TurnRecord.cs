namespace ScenarioDsl.Runtime.Running;

/// <summary>
/// One turn of a transcript: the agent's reply, the cues detected in it (sorted by name) and the
/// persona's answer (null on the turn the run converged: the persona does not answer then).
/// </summary>
public sealed record TurnRecord(int Turn, string Agent, IReadOnlyList<string> Cues, string? Persona);

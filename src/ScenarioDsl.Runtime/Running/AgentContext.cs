using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Running;

/// <summary>
/// What an agent may know when it replies at turn <see cref="Turn"/>: the scenario's declarations
/// (persona about/traits/start/rules, cues, goal), the seed, and the transcript so far.
/// The persona's live state is deliberately absent.
/// </summary>
public sealed class AgentContext
{
    internal AgentContext(Scenario scenario, int seed, int turn, string opening, IReadOnlyList<TurnRecord> transcript)
    {
        Scenario = scenario;
        Seed = seed;
        Turn = turn;
        Opening = opening;
        Transcript = transcript;
    }

    public Scenario Scenario { get; }

    public PersonaDefinition Persona => Scenario.Persona;

    public GoalDefinition Goal => Scenario.Goal;

    public CueTable Cues => Scenario.Cues;

    public int Seed { get; }

    /// <summary>The 1-based turn being answered.</summary>
    public int Turn { get; }

    public int MaxTurns => Scenario.Goal.Turns;

    /// <summary>The persona's opening message.</summary>
    public string Opening { get; }

    /// <summary>The completed turns (1 .. Turn - 1).</summary>
    public IReadOnlyList<TurnRecord> Transcript { get; }

    /// <summary>The persona's latest message (the opening at turn 1).</summary>
    public string LastPersonaMessage => Transcript.Count == 0 ? Opening : Transcript[Transcript.Count - 1].Persona ?? "";

    /// <summary>The cues the scenario's detector would find in <paramref name="reply"/> now (for agents that check their drafts).</summary>
    public CueSet DetectCues(string reply) => Scenario.Detector.Detect(reply, LastPersonaMessage);
}

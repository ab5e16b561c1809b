using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// An agent that tries drafts through the scenario's cue detector (<see cref="Running.AgentContext.DetectCues"/>)
/// before it answers. With a detector that costs something (an LLM judge), each try is a call: a cost preview
/// (<c>emps run --dry-run</c>) needs the most tries a turn can take.
/// </summary>
public interface IDraftingAgent : IAgent
{
    /// <summary>The most drafts one turn may put to the detector, for a scenario with these cues.</summary>
    int MaxDraftChecksPerTurn(CueTable cues);
}

using Microsoft.Extensions.AI;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Llm.Roles;

/// <summary>Puts the optional LLM roles into a scenario: persona speech, the cue judge, or both (null leaves a role rule-based).</summary>
public static class LlmRoles
{
    public static Scenario Apply(Scenario scenario, string model, IChatClient? personaSpeech = null, IChatClient? cueJudge = null)
    {
        var persona = personaSpeech is null ? scenario.Persona : LlmPersonaSpeech.Apply(scenario.Persona, personaSpeech, model);
        var cues = scenario.Cues.Cues.Where(c => !c.IsMirroring).ToArray();
        return new Scenario(
            scenario.Name,
            persona,
            scenario.Goal,
            scenario.Seed,
            cues,
            cueJudge is null ? null : table => new LlmCueDetector(cueJudge, model, table),
            scenario.Suite);
    }
}

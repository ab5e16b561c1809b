using Microsoft.Extensions.AI;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Llm.Roles;

/// <summary>Puts the optional LLM roles into a scenario: persona speech, the cue judge, or both (null leaves a role rule-based).</summary>
public static class LlmRoles
{
    /// <param name="scenario">The scenario.</param>
    /// <param name="model">The model the roles ask.</param>
    /// <param name="personaSpeech">The client that writes the persona's lines; null keeps the <c>says</c> rules.</param>
    /// <param name="cueJudge">The client that judges cues; null keeps the default detector.</param>
    /// <param name="cancellationToken">
    /// The token of the runs this scenario will make. The roles sit behind synchronous interfaces
    /// (<c>IPersonaDynamics.Say</c>, <c>ICueDetector.Detect</c>) that cannot take the run's token, so they
    /// take it here: cancelling it abandons a role call in flight at once, and the run ends with
    /// <see cref="OperationCanceledException"/>. Default: role calls are never cancelled.
    /// </param>
    /// <param name="judgeTally">Counts the judge's verdicts and those that were not the JSON asked for; null counts nothing.</param>
    public static Scenario Apply(Scenario scenario, string model, IChatClient? personaSpeech = null, IChatClient? cueJudge = null, CancellationToken cancellationToken = default, LlmJudgeTally? judgeTally = null)
    {
        var persona = personaSpeech is null ? scenario.Persona : LlmPersonaSpeech.Apply(scenario.Persona, personaSpeech, model, cancellationToken);
        var cues = scenario.Cues.Cues.Where(c => !c.IsMirroring).ToArray();
        return new Scenario(
            scenario.Name,
            persona,
            scenario.Goal,
            scenario.Seed,
            cues,
            cueJudge is null ? null : table => new LlmCueDetector(cueJudge, model, table, cancellationToken, judgeTally),
            scenario.Suite);
    }
}

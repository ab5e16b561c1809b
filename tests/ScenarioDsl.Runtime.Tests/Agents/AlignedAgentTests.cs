using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Agents;

public class AlignedAgentTests
{
    private static Scenario Scenario()
    {
        var space = Build.Space(("x", 0, 1));
        var persona = new PersonaDefinition("P", space, [0.2], [Build.Rule("validation", (0, 0.2))],
            says: [new SaysDefinition([new Condition(0, Comparison.Greater, 0.5)], "high"), new SaysDefinition([], "low")]);
        var goal = Build.Target(space, within: 0.1, turns: 10, (0, 0.55));
        return Build.Scenario(persona, goal);
    }

    private static string Reply(Scenario scenario, params TurnRecord[] transcript) =>
        new AlignedAgent().ReplyAsync(new AgentContext(scenario, 0, transcript.Length + 1, scenario.Persona.Opens, transcript), default).Result;

    [Fact]
    public void Sends_the_cue_whose_rule_moves_toward_the_target()
    {
        var scenario = Scenario();
        Assert.Equal(["validation"], scenario.Cues.NamesOf(scenario.Detector.Detect(Reply(scenario), scenario.Persona.Opens)));
    }

    [Fact]
    public void Reads_the_persona_reply_to_correct_its_estimate()
    {
        var scenario = Scenario();
        // Its own cues say the state is still 0.2 (no cue sent), but the persona answered "high": x > 0.5,
        // so the state is already near the target 0.55 and another push would overshoot.
        var corrected = Reply(scenario, new TurnRecord(1, "Okay.", [], "high"));
        Assert.Equal([], scenario.Cues.NamesOf(scenario.Detector.Detect(corrected, "high")));
        var uncorrected = Reply(scenario, new TurnRecord(1, "Okay.", [], "low"));
        Assert.Equal(["validation"], scenario.Cues.NamesOf(scenario.Detector.Detect(uncorrected, "low")));
    }
}

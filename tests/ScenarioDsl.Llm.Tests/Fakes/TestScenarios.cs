using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Llm.Tests.Fakes;

public static class TestScenarios
{
    public const string Text = """
        space Mood "How the person feels" {
          calm     [0, 1] "Settledness"
          distress [0, 1] "Momentary negative affect"
        }
        cues {
          validation "that makes sense", "understandable"
          reflection "it sounds like"
          dismissal  "calm down"
        }
        persona Worrier in Mood {
          about  "Nurse on night shifts; worries about a mistake at work."
          traits { neuroticism: 0.7 }
          start  { calm: 0.2, distress: 0.8 }
          opens  "I keep replaying the mistake I made at work."
          on validation => distress -= 0.1, calm += 0.05
          on reflection => calm += 0.05
          on dismissal  => distress += 0.2
          noise 0.01
          says when distress > 0.5 "I still can't stop thinking about it."
          says "Maybe it wasn't as bad as I thought."
        }
        goal Settle in Mood "Bring distress down" {
          shift { distress: -0.6 }
          within 0.05
          turns 4
        }
        scenario CalmTheWorrier {
          persona Worrier
          goal    Settle
          seed    3
        }
        suite Night {
          personas Worrier
          goals    Settle
          seeds    1..3
        }
        """;

    public static ScenarioLibrary Library() => ModelInterpreter.Load(Text, "test.emps");

    public static Scenario Worrier() => Library().Scenarios.Single();
}

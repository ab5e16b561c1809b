using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Running;

public class AllocationTests
{
    [Fact]
    public void Rule_evaluation_and_cue_detection_do_not_allocate()
    {
        var scenario = ModelInterpreter.Load(ShippedScenarios.StudentText).Scenarios[0];
        var state = scenario.Persona.Start.ToArray();
        var delta = new double[state.Length];
        const string reply = "That makes sense, it sounds like next week's exams weigh on you. Have you tried a plan?";
        const string persona = "I have three exams next week and I can't stop panicking.";
        var cues = scenario.Detector.Detect(reply, persona);
        scenario.Dynamics.ApplyRules(state, cues, delta);
        scenario.Dynamics.Say(state);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            cues = scenario.Detector.Detect(reply, persona);
            Array.Clear(delta);
            scenario.Dynamics.ApplyRules(state, cues, delta);
            scenario.Dynamics.Say(state);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(["advice", "mirroring", "question", "reflection", "validation"], scenario.Cues.NamesOf(cues));
    }
}

using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ScenarioDsl.Runtime.Tests.Agents;

public class ReferenceAgentTests(ITestOutputHelper output)
{
    private static IReadOnlyList<Scenario> StudentRuns() => ModelInterpreter.Load(ShippedScenarios.StudentText).AllRuns().ToArray();

    private double Mean(string agent)
    {
        var runs = StudentRuns().Select(s => s.Run(AgentCatalog.Create(agent))).ToArray();
        double mean = runs.Average(r => r.Scores.Headline);
        output.WriteLine($"{agent}: mean {mean:0.000}, converged {runs.Count(r => r.Converged)}/{runs.Length}");
        return mean;
    }

    [Fact]
    public void Aligned_beats_the_generic_baseline_and_the_sycophant()
    {
        double aligned = Mean("aligned"), generic = Mean("generic"), sycophant = Mean("sycophant");
        Mean("validating");
        Assert.True(aligned > generic, $"aligned {aligned} <= generic {generic}");
        Assert.True(aligned > sycophant, $"aligned {aligned} <= sycophant {sycophant}");
    }

    [Fact]
    public void Aligned_uses_the_cues_its_plan_needs_and_reaches_the_stress_goal()
    {
        var scenario = StudentRuns()[0]; // StudentUnderPressure: ReduceStress (distress 0.8 -> 0.3)
        var result = scenario.Run(new AlignedAgent());
        foreach (var m in result.Messages) output.WriteLine($"{m.Agent} [{string.Join(",", m.Cues)}] -> {m.Persona}");
        Assert.True(result.Converged);
        Assert.All(result.Messages, m => Assert.Contains("validation", m.Cues)); // the only cue that lowers distress
        Assert.All(result.Messages, m => Assert.DoesNotContain("dismissal", m.Cues));
    }

    [Fact]
    public void Reference_agents_are_deterministic_for_a_seed()
    {
        var scenario = StudentRuns()[3];
        foreach (var name in AgentCatalog.BuiltInNames)
        {
            var a = scenario.Run(AgentCatalog.Create(name), 5);
            var b = scenario.Run(AgentCatalog.Create(name), 5);
            Assert.Equal(a.Messages.Select(m => m.Agent), b.Messages.Select(m => m.Agent));
        }
    }

    [Fact]
    public void Generic_replies_differ_between_seeds()
    {
        var scenario = StudentRuns()[0];
        var a = scenario.Run(new GenericAgent(), 1).Messages.Select(m => m.Agent);
        var b = scenario.Run(new GenericAgent(), 2).Messages.Select(m => m.Agent);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Validating_and_sycophant_mirror_the_persona()
    {
        var scenario = StudentRuns()[0];
        Assert.All(scenario.Run(new ValidatingAgent()).Messages, m => Assert.Contains("mirroring", m.Cues));
        Assert.All(scenario.Run(new SycophantAgent()).Messages, m => Assert.Contains("mirroring", m.Cues));
    }

    [Fact]
    public void Scripted_agent_replies_line_by_line_and_repeats_the_last()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["first", "second"]);
            var agent = AgentCatalog.Create(ScriptedAgent.Prefix + path);
            var result = StudentRuns()[0].Run(agent);
            Assert.Equal(["first", "second", "second"], result.Messages.Take(3).Select(m => m.Agent));
            Assert.StartsWith("scripted:", agent.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_agent_names_are_refused_with_the_list()
    {
        var e = Assert.Throws<ArgumentException>(() => AgentCatalog.Create("friendly"));
        Assert.Contains("aligned", e.Message);
    }

    [Fact]
    public async Task Runs_can_be_cancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await StudentRuns()[0].RunAsync(new GenericAgent(), cts.Token));
    }
}

using CsCheck;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Scoring;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Running;

/// <summary>Random personas, goals and replies: invariants every run must keep.</summary>
public class RunLoopPropertyTests
{
    private static readonly string[] Words = ["that makes sense", "you should", "?", "fine", "understandable", "calm", "sense", "again"];

    private static readonly Gen<(Scenario Scenario, string[] Replies, int Seed)> Runs =
        from dims in Gen.Int[1, 4]
        from amounts in Gen.Double[-0.6, 0.6].Array[dims * 3]
        from start in Gen.Double[-1, 1].Array[dims]
        from target in Gen.Double[-1, 1]
        from drift in Gen.Double[0, 1]
        from noise in Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 0.3])
        from turns in Gen.Int[1, 15]
        from replies in Gen.Int[0, Words.Length - 1].Array[1, 3].Select(ix => string.Join(" ", ix.Select(i => Words[i]))).Array[1, 6]
        from seed in Gen.Int
        select (Make(dims, amounts, start, target, drift, noise, turns), replies, seed);

    private static Scenario Make(int dims, double[] amounts, double[] start, double target, double drift, double noise, int turns)
    {
        var space = new SpaceDefinition("S", Enumerable.Range(0, dims).Select(d => new Dimension("d" + d, -1, 1)).ToArray());
        string[] cues = ["validation", "advice", "question"];
        var rules = Enumerable.Range(0, dims * 3)
            .Select(i => new RuleDefinition(cues[i % 3], i % 2 == 0 ? [] : [new Condition(i % dims, Comparison.Greater, 0.0)], [new Effect(i % dims, amounts[i])]))
            .ToArray();
        var persona = new PersonaDefinition("P", space, start, rules, [new SaysDefinition([], "ok")], drift, noise);
        var goal = new GoalDefinition("G", space, GoalKind.Target, [new GoalComponent(0, target)], 0.05, turns,
            scoring: turns % 2 == 0 ? ScoringOptions.Process : ScoringOptions.Epm(turns % 3 == 0 ? EpmDirection.PerTurn : EpmDirection.Fixed));
        return new Scenario("R", persona, goal, 0, Build.Cues);
    }

    [Fact]
    public void States_stay_in_range_runs_are_reproducible_and_scores_are_finite()
    {
        Runs.Sample(run =>
        {
            var agent = new ScriptedAgent(run.Replies);
            var first = run.Scenario.Run(agent, run.Seed);
            var second = run.Scenario.Run(agent, run.Seed);
            bool inRange = first.States.All(s => s.All(x => x >= -1 && x <= 1));
            bool same = first.States.SelectMany(s => s).SequenceEqual(second.States.SelectMany(s => s));
            bool finite = first.Scores.Fields.All(f => f.Value is not double d || double.IsFinite(d));
            bool lengths = first.Messages.Count == first.Turns && first.Turns <= run.Scenario.Goal.Turns;
            bool stopRule = first.Converged
                ? first.Messages[^1].Persona is null
                : first.Turns == run.Scenario.Goal.Turns && first.Messages.All(m => m.Persona == "ok");
            bool bounded = first.Scores is ProcessScores p
                ? p.Composite is >= 0 and <= 1 && p.Stability is >= 0 and <= 1
                : first.Scores is EpmScores e && e.EpmQ is >= 0 and <= 100;
            return inRange && same && finite && lengths && stopRule && bounded;
        }, iter: 300);
    }
}

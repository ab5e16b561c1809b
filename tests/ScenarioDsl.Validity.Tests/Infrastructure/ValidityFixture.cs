using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Validity.Tests.Infrastructure;

/// <summary>
/// Runs the shipped library once for all validity tests: every persona x goal case of the brief's
/// suite and of the EMPA-style suite, with the four reference agents, over seeds 1..20 (the shipped
/// suites declare fewer seeds so that the README's command stays quick), plus the persona flips: the
/// five pairs first chosen by design and every pair the rules make opposite (<see cref="Opposition"/>).
/// </summary>
public sealed class ValidityFixture
{
    public const string BriefSuite = "BriefBenchmark";
    public const string EmpaSuite = "EmpaSuite";
    public const int Seeds = 20;

    public static readonly string[] Agents = ["aligned", "validating", "generic", "sycophant"];

    /// <summary>
    /// The flip pairs first chosen by design, before measuring, as "B reacts to what A needs in the
    /// opposite way". Kept with their measured result; by the declared rules only the first and the
    /// third are opposite (docs/validity.md, "Persona flip"), so the brief's dE claim is tested on
    /// <see cref="OppositePairs"/> instead.
    /// </summary>
    public static readonly FlipPair[] FlipPairs =
    [
        new("HighAnxietyStudent", "ConfidentEntrepreneur", "ReduceStress",
            "validation calms the student; the entrepreneur bristles at validation and at parroting"),
        new("LaidOffEngineer", "DefensiveTeenager", "ReduceStress",
            "advice and plans steady the engineer; the teenager hears them as a lecture"),
        new("ConfidentEntrepreneur", "GrievingParent", "ReduceStress",
            "sharp questions and plans calm the founder; in acute grief questions probe and plans fall flat"),
        new("SleeplessNewFather", "BluntVeteran", "Recover",
            "the father needs validation and mirroring; the veteran finds feeling-talk scripted"),
        new("BluntVeteran", "SleeplessNewFather", "Recover",
            "the veteran wants advice; the flooded father hears advice as criticism"),
    ];

    public ValidityFixture()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Compilation = Library.Compile();
        var library = ModelInterpreter.Load(Compilation);
        Brief = RunSuite(library, BriefSuite);
        Empa = RunSuite(library, EmpaSuite);
        Flips = FlipPairs.Select(RunFlip).ToArray();
        OppositePairs = Opposition.Pairs(Brief.Concat(Empa).ToArray());
        OppositeFlips = OppositePairs.Select(RunFlip).ToArray();
        Elapsed = started.Elapsed;
    }

    public ScenarioDsl.Language.Binding.EmpsCompilation Compilation { get; }

    public IReadOnlyList<CaseRuns> Brief { get; }

    public IReadOnlyList<CaseRuns> Empa { get; }

    /// <summary>The runs of the five pairs first chosen by design (<see cref="FlipPairs"/>).</summary>
    public IReadOnlyList<FlipRuns> Flips { get; }

    /// <summary>Every ordered pair (A, B, goal) of the two suites in which B reacts oppositely to A by the rules (<see cref="Opposition"/>).</summary>
    public IReadOnlyList<FlipPair> OppositePairs { get; }

    /// <summary>The runs of <see cref="OppositePairs"/>.</summary>
    public IReadOnlyList<FlipRuns> OppositeFlips { get; }

    public TimeSpan Elapsed { get; }

    public IEnumerable<Diagnostic> WarningsAndErrors =>
        Compilation.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error);

    public CaseRuns Case(string persona, string goal) =>
        Brief.Concat(Empa).Single(c => c.Persona == persona && c.Goal == goal);

    private static IReadOnlyList<CaseRuns> RunSuite(ScenarioLibrary library, string name)
    {
        var suite = library.Suites.SingleOrDefault(s => s.Name == name)
            ?? throw new InvalidOperationException($"Suite {name} not found in scenarios/ (or it has errors).");
        var cases = suite.Cases
            .GroupBy(c => (c.Persona.Name, c.Goal.Name))
            .Select(g => g.First())
            .ToArray();
        var results = new CaseRuns[cases.Length];
        // One case per task: a Scenario's detector and dynamics are only used by one thread at a time.
        Parallel.For(0, cases.Length, i =>
        {
            var byAgent = new Dictionary<string, RunSummary[]>(StringComparer.Ordinal);
            foreach (var agentName in Agents)
            {
                var agent = AgentCatalog.Create(agentName);
                byAgent[agentName] = Enumerable.Range(1, Seeds).Select(seed => RunSummary.Of(cases[i].Run(agent, seed))).ToArray();
            }
            results[i] = new CaseRuns(cases[i], byAgent);
        });
        return results;
    }

    private FlipRuns RunFlip(FlipPair pair)
    {
        var from = Case(pair.From, pair.Goal);
        var to = Case(pair.To, pair.Goal);
        var original = from.ByAgent["aligned"];
        var replayed = original
            .Select(run => RunSummary.Of(to.Scenario.Run(new ScriptedAgent(run.Replies, "scripted:" + pair.From), run.Seed)))
            .ToArray();
        return new FlipRuns(pair, original, replayed);
    }
}

[CollectionDefinition(Name)]
public sealed class ValidityCollection : ICollectionFixture<ValidityFixture>
{
    public const string Name = "Validity";
}

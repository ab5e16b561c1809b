using CsCheck;
using ScenarioDsl.Generators.Tests.Infrastructure;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Generators.Tests;

/// <summary>
/// The generated code and the interpreter agree bit for bit (SPEC 2): random .emps files are compiled in
/// memory and every scenario and suite case is run by both with every reference agent and several seeds.
/// The generated runs use the compiled state update (<c>ICompiledStep</c>: rules, drift, noise, clamping as
/// straight-line code with constants); the interpreted runs use <c>ApplyRules</c> then <c>RunLoop.Step</c>.
/// </summary>
public sealed class BitExactnessTests
{
    private static readonly int[] Seeds = [0, 1, 7, 12345, -3];

    internal static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("EMPS_BITEXACT_ITERATIONS"), out long n) && n > 0 ? n : 40;

    [Fact]
    public void Spec_example_runs_bit_identically()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps"));
        int runs = CompareAll(text);
        Assert.Equal((1 + 10) * AgentCatalog.BuiltInNames.Count * (Seeds.Length + 1), runs);
    }

    [Fact]
    public void Random_scenarios_run_bit_identically()
    {
        RandomEmps.Files.Sample(text => Assert.True(CompareAll(text) > 0), iter: Iterations, threads: 1);
    }

    /// <summary>Runs every interpreted scenario and its generated twin; returns the number of runs compared.</summary>
    internal static int CompareAll(string text)
    {
        const string path = "/bitexact/file.emps";
        var compilation = EmpsCompilation.FromText(text, path);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var library = ModelInterpreter.Load(compilation);
        var output = GeneratorHarness.Generate(path, text);
        GeneratorHarness.AssertCompilesClean(output, text);
        var assembly = output.Load(optimize: true);

        var generated = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        var scenarios = assembly.GetType(GeneratorHarness.Namespace + ".Scenarios")!;
        foreach (var s in library.Scenarios)
            generated[s.Name] = Definition(scenarios.GetProperty(IdentifierNaming.ToPascalCase(s.Name))!.GetValue(null)!);
        foreach (var suite in library.Suites)
        {
            var type = assembly.GetType(GeneratorHarness.Namespace + ".Suites+" + IdentifierNaming.ToPascalCase(suite.Name))!;
            var all = (System.Collections.IEnumerable)type.GetProperty("All")!.GetValue(null)!;
            foreach (var c in all) generated[suite.Name + "/" + Definition(c).Name] = Definition(c);
        }
        Assert.Equal(library.Scenarios.Count + library.Suites.Sum(s => s.Cases.Count), generated.Count);

        int runs = 0;
        var targets = library.Scenarios.Select(s => (Key: s.Name, Scenario: s))
            .Concat(library.Suites.SelectMany(s => s.Cases.Select(c => (Key: s.Name + "/" + c.Name, Scenario: c))));
        foreach (var (key, interpreted) in targets)
        {
            var compiled = generated[key];
            Assert.EndsWith("__Dynamics", compiled.Dynamics.GetType().Name);
            // The runs below go through the generated state update, and the interpreter's through the generic one.
            Assert.Same(compiled.Dynamics, compiled.CompiledStep);
            Assert.Null(interpreted.CompiledStep);
            Assert.Equal(interpreted.Name, compiled.Name);
            Assert.Equal(interpreted.Seed, compiled.Seed);
            Assert.Equal(interpreted.Cues.Cues.Select(c => c.Name), compiled.Cues.Cues.Select(c => c.Name));
            foreach (var agentName in AgentCatalog.BuiltInNames)
            {
                foreach (int? seed in Seeds.Select(s => (int?)s).Append(null))
                {
                    var a = interpreted.Run(AgentCatalog.Create(agentName), seed);
                    var b = compiled.Run(AgentCatalog.Create(agentName), seed);
                    AssertSame(a, b, $"{key} agent {agentName} seed {seed}\n{text}");
                    runs++;
                }
            }
        }
        return runs;
    }

    private static Scenario Definition(object typed) => (Scenario)typed.GetType().GetProperty("Definition")!.GetValue(typed)!;

    private static void AssertSame(RunResult a, RunResult b, string context)
    {
        Assert.True(a.States.Count == b.States.Count, "turns differ: " + context);
        for (int t = 0; t < a.States.Count; t++)
            for (int d = 0; d < a.States[t].Length; d++)
                Assert.True(
                    BitConverter.DoubleToInt64Bits(a.States[t][d]) == BitConverter.DoubleToInt64Bits(b.States[t][d]),
                    $"state {t} dimension {d}: {a.States[t][d]:R} vs {b.States[t][d]:R}; {context}");
        Assert.Equal(a.Opening, b.Opening);
        Assert.Equal(a.Converged, b.Converged);
        for (int t = 0; t < a.Messages.Count; t++)
        {
            Assert.Equal(a.Messages[t].Agent, b.Messages[t].Agent);
            Assert.Equal(a.Messages[t].Persona, b.Messages[t].Persona);
            Assert.Equal(a.Messages[t].Cues, b.Messages[t].Cues);
        }
        Assert.Equal(a.Scores.Profile, b.Scores.Profile);
        var fa = a.Scores.Fields;
        var fb = b.Scores.Fields;
        Assert.Equal(fa.Count, fb.Count);
        for (int i = 0; i < fa.Count; i++)
        {
            Assert.Equal(fa[i].Key, fb[i].Key);
            if (fa[i].Value is double x && fb[i].Value is double y)
                Assert.True(BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y), $"score {fa[i].Key}: {x:R} vs {y:R}; {context}");
            else
                Assert.Equal(fa[i].Value, fb[i].Value);
        }
    }
}

using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;
using ScenarioDsl.Runtime.Interpretation;

namespace ScenarioDsl.Benchmarks.Runtime;

/// <summary>Inputs shared by the runtime benchmarks.</summary>
internal static class BenchmarkScenarios
{
    /// <summary>Turns per run of <see cref="LongRun"/>: its goal is out of reach, so every run uses them all.</summary>
    public const int LongRunTurns = 100;

    /// <summary>The student persona of the spec with a goal it cannot reach in 100 turns (4 dimensions, 7 rules, noise).</summary>
    public const string LongRun = """
        space Wellbeing { autonomy [-1, 1]  relatedness [-1, 1]  competence [-1, 1]  distress [0, 1] }
        cues {
          validation  "that makes sense", "understandable", "it's okay to feel"
          reflection  "it sounds like", "what i'm hearing"
          question    "?"
          advice      "you should", "have you tried", "why don't you"
          dismissal   "calm down", "not a big deal"
        }
        persona Student in Wellbeing {
          start  { autonomy: -0.3, relatedness: -0.2, competence: -0.6, distress: 0.8 }
          opens  "I have three exams next week and I can't stop panicking."
          on validation                  => relatedness += 0.12, distress -= 0.08
          on reflection                  => relatedness += 0.10
          on mirroring                   => relatedness += 0.05
          on question                    => autonomy += 0.04
          on advice when distress > 0.6  => autonomy -= 0.06, distress += 0.05
          on advice when distress <= 0.6 => competence += 0.08
          on dismissal                   => relatedness -= 0.20, distress += 0.10
          drift 0.05
          noise 0.01
          says when distress > 0.6    "I just feel like I'm going to fail everything."
          says when competence > 0.1  "Okay... maybe I can actually get through this."
          says                        "I don't know what to do."
        }
        goal Unreachable in Wellbeing { target { competence: 1, autonomy: 1, relatedness: 1 } within 0.001 turns 100 }
        scenario Long { persona Student goal Unreachable seed 7 }
        """;

    public static ScenarioLibrary Load(string text) => ModelInterpreter.Load(EmpsCompilation.FromText(text, "bench.emps"));

    /// <summary>Every .emps file under the repository's scenarios/ folder, as one compilation.</summary>
    public static ScenarioLibrary LoadShipped()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "scenarios"))) dir = dir.Parent;
        if (dir is null) throw new DirectoryNotFoundException("scenarios/ not found above " + AppContext.BaseDirectory);
        var texts = Directory.EnumerateFiles(Path.Combine(dir.FullName, "scenarios"), "*.emps", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => SourceText.From(File.ReadAllText(path), path));
        var compilation = EmpsCompilation.Create(texts);
        if (compilation.HasErrors) throw new InvalidOperationException("The shipped scenarios have errors.");
        return ModelInterpreter.Load(compilation);
    }
}

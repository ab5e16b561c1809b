using System.Globalization;
using System.Text;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Benchmarks.Language;

/// <summary>A deterministic corpus of valid .emps files (every file binds without errors).</summary>
public static class Corpus
{
    public static IReadOnlyList<SourceText> Generate(int targetBytes)
    {
        var files = new List<SourceText>();
        int total = 0;
        for (int i = 0; total < targetBytes; i++)
        {
            string text = File(i);
            files.Add(SourceText.From(text, $"corpus/file{i:D4}.emps"));
            total += Encoding.UTF8.GetByteCount(text);
        }
        return files;
    }

    public static long Bytes(IEnumerable<SourceText> files) => files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));

    private static string File(int i)
    {
        string n = i.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append($$"""
            // Generated corpus file {{n}}: a space, cues, personas, goals, a scenario and a suite.
            space Wellbeing{{n}} "Self-determination needs plus distress" {
              autonomy    [-1, 1] "Feeling of volition and choice"
              relatedness [-1, 1] "Feeling connected and understood"
              competence  [-1, 1] "Feeling capable"
              distress    [0, 1]  "Momentary negative affect"
            }

            cues {
              validation{{n}}  "that makes sense", "understandable", "it's okay to feel"
              reflection{{n}}  "it sounds like", "what i'm hearing"
              advice{{n}}      "you should", "have you tried", "why don't you"
            }

            """);
        for (int p = 0; p < 4; p++)
        {
            sb.Append($$"""
                persona Student{{n}}_{{p}} in Wellbeing{{n}} {
                  about  "Persona {{p}} of file {{n}}: a student under pressure."
                  traits { neuroticism: 0.{{p + 5}}, conscientiousness: 0.9 }
                  start  { autonomy: -0.3, relatedness: -0.2, competence: -0.6, distress: 0.8 }
                  opens  "I have three exams next week and I can't stop panicking."

                  on validation{{n}}                  => relatedness += 0.12, distress -= 0.08
                  on reflection{{n}}                  => relatedness += 0.10
                  on mirroring                   => relatedness += 0.05
                  on advice{{n}} when distress > 0.6  => autonomy -= 0.06, distress += 0.05
                  on advice{{n}} when distress <= 0.6 => competence += 0.08, autonomy += 0.02

                  drift 0.05
                  noise 0.01

                  says when distress > 0.6    "I just feel like I'm going to fail everything."
                  says when competence > 0.1  "Okay... maybe I can actually get through this."
                  says                        "I don't know what to do."
                }


                """);
        }
        sb.Append($$"""
            goal ReduceStress{{n}} in Wellbeing{{n}} "Bring distress down without taking over" {
              shift   { distress: -0.5 }
              within  0.1
              turns   10
              weights { alignment: 0.4, impact: 0.3, stability: 0.3 }
            }

            goal FeelCapable{{n}} in Wellbeing{{n}} {
              target  { competence: 0.3, autonomy: 0.2 }
              turns   12
              scoring epm direction per-turn
            }

            scenario Pressure{{n}} {
              persona Student{{n}}_0
              goal    ReduceStress{{n}}
              seed    7
            }

            suite Suite{{n}} {
              personas Student{{n}}_1, Student{{n}}_2, Student{{n}}_3
              goals    ReduceStress{{n}}, FeelCapable{{n}}
              seeds    1..5
            }

            """);
        return sb.ToString();
    }
}

using System.Globalization;
using System.Text;
using CsCheck;

namespace ScenarioDsl.Generators.Tests.Infrastructure;

/// <summary>
/// CsCheck generators of whole, valid .emps files: a space of 1-8 dimensions, cues, one or two personas
/// with conditional rules, drift and noise, target and shift goals, process and epm scoring (both
/// directions), a scenario and a suite. Sizes are CsCheck values (they shrink); the details come from a
/// generated seed.
/// </summary>
internal static class RandomEmps
{
    public sealed record Shape(int Dimensions, int Cues, int Rules, int Personas, bool Noise, int Seed);

    public static readonly Gen<Shape> Shapes =
        Gen.Select(Gen.Int[1, 8], Gen.Int[0, 6], Gen.Int[0, 10], Gen.Int[1, 2], Gen.Bool, Gen.Int[0, int.MaxValue],
            (d, c, r, p, n, s) => new Shape(d, c, r, p, n, s));

    public static readonly Gen<string> Files = Shapes.Select(Build);

    private static readonly string[] DimensionNames =
        ["mood", "trust", "energy", "calm", "hope", "focus", "worry", "pride", "self_worth", "openness", "x", "value", "item_count"];

    private static readonly string[] Words =
        ["sense", "hear you", "tell me", "try", "breathe", "step", "together", "plan", "proud", "okay", "notice", "wonder", "feel", "?"];

    public static string Build(Shape shape)
    {
        var random = new Random(shape.Seed);
        var sb = new StringBuilder();
        string N(double x) => Math.Round(x, 3).ToString("0.###", CultureInfo.InvariantCulture);

        var dims = DimensionNames.OrderBy(_ => random.Next()).Take(shape.Dimensions).ToArray();
        var lo = new double[dims.Length];
        var hi = new double[dims.Length];
        sb.Append("space Space").Append(shape.Seed % 1000).Append(" \"random space\" {\n");
        for (int i = 0; i < dims.Length; i++)
        {
            lo[i] = Math.Round(random.NextDouble() * 2 - 2, 2);
            hi[i] = Math.Round(lo[i] + 0.5 + random.NextDouble() * 2, 2);
            sb.Append("  ").Append(dims[i]).Append(" [").Append(N(lo[i])).Append(", ").Append(N(hi[i])).Append("] \"dimension ").Append(i).Append("\"\n");
        }
        sb.Append("}\n\n");
        string space = "Space" + (shape.Seed % 1000);

        var cues = Enumerable.Range(0, shape.Cues).Select(i => "cue" + i).ToList();
        if (cues.Count > 0)
        {
            sb.Append("cues {\n");
            var words = Words.OrderBy(_ => random.Next()).ToArray();
            for (int i = 0; i < cues.Count; i++)
                sb.Append("  ").Append(cues[i]).Append(" \"").Append(words[i * 2 % words.Length]).Append("\", \"").Append(words[(i * 2 + 1) % words.Length]).Append(' ').Append(i).Append("\"\n");
            sb.Append("}\n\n");
        }
        cues.Add("mirroring");

        double Inside(int d, double margin) => lo[d] + (hi[d] - lo[d]) * (margin + random.NextDouble() * (1 - 2 * margin));

        var starts = new List<double[]>();
        var personas = new List<string>();
        for (int p = 0; p < shape.Personas; p++)
        {
            string name = "Persona" + p;
            personas.Add(name);
            var start = dims.Select((_, d) => Math.Round(Inside(d, 0.2), 3)).ToArray();
            starts.Add(start);
            sb.Append("persona ").Append(name).Append(" in ").Append(space).Append(" {\n");
            sb.Append("  about \"persona ").Append(p).Append("\"\n");
            sb.Append("  traits { openness: ").Append(N(random.NextDouble())).Append(" }\n");
            sb.Append("  start { ").Append(string.Join(", ", dims.Select((d, i) => d + ": " + N(start[i])))).Append(" }\n");
            sb.Append("  opens \"I feel stuck and tired today\"\n");
            for (int r = 0; r < shape.Rules; r++)
            {
                sb.Append("  on ").Append(cues[random.Next(cues.Count)]);
                int conditions = random.Next(3);
                for (int c = 0; c < conditions; c++)
                {
                    int d = random.Next(dims.Length);
                    string op = new[] { "<", "<=", ">", ">=" }[random.Next(4)];
                    sb.Append(c == 0 ? " when " : " and ").Append(dims[d]).Append(' ').Append(op).Append(' ').Append(N(Inside(d, 0.1)));
                }
                sb.Append(" => ");
                int effects = 1 + random.Next(3);
                for (int e = 0; e < effects; e++)
                {
                    int d = random.Next(dims.Length);
                    sb.Append(e == 0 ? "" : ", ").Append(dims[d]).Append(random.Next(2) == 0 ? " += " : " -= ").Append(N((hi[d] - lo[d]) * (0.01 + random.NextDouble() * 0.2)));
                }
                sb.Append('\n');
            }
            sb.Append("  drift ").Append(N(random.NextDouble() * 0.3)).Append('\n');
            sb.Append("  noise ").Append(shape.Noise ? N(0.001 + random.NextDouble() * 0.05) : "0").Append('\n');
            int says = random.Next(3);
            for (int s = 0; s < says; s++)
            {
                int d = random.Next(dims.Length);
                sb.Append("  says when ").Append(dims[d]).Append(" > ").Append(N(Inside(d, 0.1))).Append(" \"line ").Append(s).Append(" of ").Append(name).Append("\"\n");
            }
            if (random.Next(4) > 0) sb.Append("  says \"I don't know.\"\n");
            sb.Append("}\n\n");
        }

        // Goals: a target goal and a shift goal (the shift is computed from the first persona's start).
        int constrained = 1 + random.Next(dims.Length);
        var chosen = Enumerable.Range(0, dims.Length).OrderBy(_ => random.Next()).Take(constrained).OrderBy(d => d).ToArray();
        string Scoring()
        {
            return random.Next(4) switch
            {
                0 => "  scoring epm\n",
                1 => "  scoring epm direction per-turn\n",
                2 => "  scoring epm direction fixed\n",
                _ => random.Next(2) == 0 ? "  scoring process\n" : "",
            };
        }
        string Tail() =>
            "  within " + N(0.01 + random.NextDouble() * 0.1) + "\n" +
            "  turns " + (1 + random.Next(20)).ToString(CultureInfo.InvariantCulture) + "\n" +
            (random.Next(2) == 0 ? "  weights { alignment: " + N(0.1 + random.NextDouble()) + ", impact: " + N(random.NextDouble()) + ", stability: " + N(random.NextDouble()) + " }\n" : "") +
            Scoring();

        // Targets well away from every persona's start (margin 0.2 for starts, targets in the outer bands).
        sb.Append("goal TargetGoal in ").Append(space).Append(" \"reach a point\" {\n  target { ");
        sb.Append(string.Join(", ", chosen.Select(d => dims[d] + ": " + N(random.Next(2) == 0 ? lo[d] + (hi[d] - lo[d]) * 0.1 : hi[d] - (hi[d] - lo[d]) * 0.1))));
        sb.Append(" }\n").Append(Tail()).Append("}\n\n");

        sb.Append("goal ShiftGoal in ").Append(space).Append(" {\n  shift { ");
        sb.Append(string.Join(", ", chosen.Select(d =>
        {
            double minStart = starts.Min(s => s[d]), maxStart = starts.Max(s => s[d]);
            double room = Math.Min(hi[d] - maxStart, minStart - lo[d]);
            double shift = Math.Round(room * (0.3 + 0.6 * random.NextDouble()), 3) * (random.Next(2) == 0 ? -1 : 1);
            return dims[d] + ": " + N(shift == 0 ? 0.001 : shift);
        })));
        sb.Append(" }\n").Append(Tail()).Append("}\n\n");

        sb.Append("scenario RandomScenario {\n  persona ").Append(personas[0]).Append("\n  goal ").Append(random.Next(2) == 0 ? "TargetGoal" : "ShiftGoal").Append("\n  seed ").Append(random.Next(1000)).Append("\n}\n\n");
        sb.Append("suite RandomSuite {\n  personas ").Append(string.Join(", ", personas)).Append("\n  goals TargetGoal, ShiftGoal\n  seeds ");
        int first = random.Next(100);
        sb.Append(first).Append("..").Append(first + random.Next(3)).Append("\n}\n");
        return sb.ToString();
    }
}

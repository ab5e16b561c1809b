using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Results;

public sealed class ResultsFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "emps-runtime-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static RunRecord NoisyRecord(int seed, string agent = "generic")
    {
        var space = Build.Space(("a", -1, 1), ("b", 0, 1));
        var persona = new PersonaDefinition("P", space, [0.1, 0.5], [Build.Rule("validation", (0, 0.1))], noise: 0.07, opens: "Ünïcode «quotes» and 'apostrophes'");
        var goal = Build.Target(space, within: 0.001, turns: 6, (0, 0.9));
        return RunRecords.From(Build.Scenario(persona, goal, seed).Run(AgentCatalog.Create(agent)));
    }

    [Fact]
    public void Records_round_trip_bit_for_bit()
    {
        var record = NoisyRecord(5);
        var line = RunRecords.ToJsonLine(record);
        Assert.DoesNotContain('\n', line);
        var back = RunRecords.TryParse(line)!;
        Assert.Equal(
            record.States.SelectMany(s => s).Select(BitConverter.DoubleToInt64Bits),
            back.States.SelectMany(s => s).Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(record.Opening, back.Opening);
        Assert.Equal(record.Number("composite"), back.Number("composite"));
        Assert.Equal(record.Key, back.Key);
        Assert.Contains("Ünïcode «quotes» and 'apostrophes'", line);
    }

    [Fact]
    public void Reopening_keeps_complete_lines_and_drops_a_torn_one()
    {
        using (var file = ResultsFile.Open(_dir))
        {
            file.Append(NoisyRecord(1));
            file.Append(NoisyRecord(2));
        }
        var path = Path.Combine(_dir, ResultsFile.FileName);
        File.AppendAllText(path, RunRecords.ToJsonLine(NoisyRecord(3))[..40]);

        using (var file = ResultsFile.Open(_dir))
        {
            Assert.Equal(2, file.ResumedCount);
            Assert.True(file.Contains(RunRecord.KeyOf(null, "T", 2, "generic")));
            Assert.False(file.Contains(RunRecord.KeyOf(null, "T", 3, "generic")));
            file.Append(NoisyRecord(3));
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.NotNull(RunRecords.TryParse(l)));
    }

    [Fact]
    public void The_report_has_one_figure_per_run_and_nothing_external()
    {
        var runs = new[] { NoisyRecord(1), NoisyRecord(2, "aligned"), NoisyRecord(3, "sycophant") };
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, HtmlReport.FileName);
        HtmlReport.Write(path, runs);
        var html = File.ReadAllText(path);
        Assert.Equal(3, html.Split("<figure class=\"run\"").Length - 1);
        Assert.Equal(3, html.Split("<svg class=\"plot-projection\"").Length - 1);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("://", html);
        Assert.Contains("&#171;quotes&#187;", html); // encoded, not raw
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Projection_puts_the_start_at_zero_and_the_target_at_one()
    {
        var record = new RunRecord
        {
            Dimensions = ["a", "b"],
            Constrained = ["a"],
            Target = [1.0],
            States = [[0.0, 0.0], [0.5, 0.3], [1.0, 0.9]],
        };
        var points = Plots.Project(record, out double uNorm);
        Assert.Equal(1.0, uNorm);
        Assert.Equal([(0.0, 0.0), (0.5, 0.0), (1.0, 0.0)], points);
    }
}

using System.CommandLine;
using System.Text;
using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Cli.Run;
using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;

namespace ScenarioDsl.Cli.Commands;

/// <summary>
/// <c>emps merge DIR... --out DIR</c>: combines the results of several <c>emps run --out</c> folders (the
/// shards of a sweep) into one results.jsonl, llm-usage.jsonl and report.html. Records are identified by
/// their resume key (suite, scenario or case name, seed, agent): a run found in several folders is kept once when the copies
/// are identical and is an error when they differ. New records are written sorted by key, after any the
/// output folder already holds, so merging is repeatable and resumable. Torn last lines of the inputs are
/// skipped (the inputs are never modified). Exit 0 when merged, 1 on conflicting runs, 2 for bad usage.
/// </summary>
public static class MergeCommand
{
    public const int Conflict = 1;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("DIR")
        {
            Description = "Output folders of emps run (each holding results.jsonl) to combine.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for the merged results.jsonl, llm-usage.jsonl and report.html.",
            HelpName = "DIR",
            Required = true,
        }.RequireFolderName();
        var reportRuns = RunCommand.ReportRunsOption();
        var command = new Command("merge", "Combine the results of several emps run folders (shards) into one results file and report.") { inputs, output, reportRuns };
        command.SetAction(parseResult =>
            Run(CliContext.Of(parseResult), parseResult.GetValue(inputs) ?? [], parseResult.GetValue(output) ?? "", parseResult.GetValue(reportRuns)));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> inputs, string output, int reportRuns = HtmlReport.DefaultMaxRuns)
    {
        var byKey = new Dictionary<string, (RunRecord Record, string Line, string Folder)>(StringComparer.Ordinal);
        var usage = new Dictionary<string, UsageFile.Line>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var folder = context.GetFullPath(input);
            var path = Path.Combine(folder, ResultsFile.FileName);
            if (!File.Exists(path)) return Usage(context, $"'{input}' holds no {ResultsFile.FileName}");
            string[] lines;
            try
            {
                lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
                foreach (var line in UsageFile.Read(folder)) usage[line.Key] = line;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Usage(context, $"cannot read '{input}': {e.Message}");
            }
            // The last element is "" after a final line break, else a torn line: skipped.
            for (int i = 0; i < lines.Length - 1; i++)
            {
                var text = lines[i].TrimEnd('\r');
                if (RunRecords.TryParse(text) is not { } record) continue;
                var canonical = RunRecords.ToJsonLine(record);
                if (byKey.TryGetValue(record.Key, out var seen))
                {
                    if (seen.Line == canonical) continue;
                    context.Error.Write($"emps merge: error: '{seen.Folder}' and '{input}' hold different results for {record.Description}\n");
                    return Conflict;
                }
                byKey.Add(record.Key, (record, canonical, input));
            }
        }

        var outFolder = context.GetFullPath(output);
        int added = 0;
        IReadOnlyList<RunRecord> all;
        try
        {
            using (var results = ResultsFile.Open(outFolder))
            {
                // Every conflict with what OUT holds is found before anything is written: a refused merge leaves OUT as it was.
                var held = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
                foreach (var existing in results.Records) held.TryAdd(existing.Key, existing);
                var fresh = new List<RunRecord>();
                foreach (var key in byKey.Keys.Order(StringComparer.Ordinal))
                {
                    var (record, line, folder) = byKey[key];
                    if (held.TryGetValue(key, out var existing))
                    {
                        if (RunRecords.ToJsonLine(existing) != line)
                        {
                            context.Error.Write($"emps merge: error: '{output}' already holds different results for {record.Description} than '{folder}'\n");
                            return Conflict;
                        }
                        continue;
                    }
                    fresh.Add(record);
                }
                foreach (var record in fresh) results.Append(record);
                added = fresh.Count;
                all = results.Records;
            }
            foreach (var line in UsageFile.Read(outFolder)) usage.TryAdd(line.Key, line);
            // Only the usage of runs the merged results hold: a killed shard can leave a line for a run it never finished.
            var merged = all.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var lines = usage.Values.Where(l => merged.Contains(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal).ToArray();
            if (lines.Length > 0 || File.Exists(Path.Combine(outFolder, UsageFile.FileName))) UsageFile.Write(outFolder, lines);
            HtmlReport.Write(Path.Combine(outFolder, HtmlReport.FileName), all, reportRuns);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage(context, $"cannot write '{output}': {e.Message}");
        }

        var rows = Scorecard.Rows(all);
        Scorecard.WritePlain(context.Out, rows);
        if (rows.Count > 0) context.Out.Write(Scorecard.Legend);
        context.Out.Write($"merged {byKey.Count} runs from {inputs.Count} folders ({added} new)\nresults: {Path.Combine(output, ResultsFile.FileName)}\nreport: {Path.Combine(output, HtmlReport.FileName)}\n");
        return 0;
    }

    private static int Usage(CliContext context, string message)
    {
        context.Error.Write($"emps merge: error: {message}\n");
        return EmpsCli.UsageError;
    }
}

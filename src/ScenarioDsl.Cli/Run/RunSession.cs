using System.Globalization;
using ScenarioDsl.Cli.Input;
using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Cli.Run;

/// <summary>What one <c>emps run</c> is asked to do.</summary>
public sealed record RunRequest(IReadOnlyList<string> Paths, IReadOnlyList<string> Agents, int? Seed, string OutDirectory)
{
    /// <summary>The LLM agent and sweep options (docs/llm.md).</summary>
    public LlmRunRequest Llm { get; init; } = LlmRunRequest.None;

    /// <summary>How many runs report.html shows in its table and figures (<c>--report-runs</c>).</summary>
    public int ReportRuns { get; init; } = HtmlReport.DefaultMaxRuns;
}

/// <summary>
/// The work of <c>emps run</c>: compile the files (diagnostics and exit 1 on errors), build the jobs
/// (every scenario and suite case x every agent), skip those already in DIR/results.jsonl, run the rest
/// one by one appending each record as a whole flushed line, then write DIR/report.html (temp file +
/// rename) over every record of the file and print the scorecard of this command's runs.
/// </summary>
public sealed class RunSession(CliContext context, IRunProgress progress, Action<IReadOnlyList<Scorecard.Row>> printScorecard)
{
    public const int Success = 0;
    public const int ErrorsFound = 1;
    public const int Cancelled = 130;

    public async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var inputs = InputExpander.Expand(request.Paths, context.WorkingDirectory);
        if (inputs.Errors.Count > 0) return Usage(inputs.Errors);
        if (inputs.Files.Count == 0) return Usage([$"no {InputExpander.Extension} files found in {string.Join(", ", inputs.EmptyFolders.Select(f => $"'{f}'"))}"]);
        var (texts, readErrors) = SourceReader.ReadAll(inputs.Files);
        if (readErrors.Count > 0) return Usage(readErrors);

        var names = AgentSelection.Names(request.Agents, context.WorkingDirectory);
        var (builtIn, agentErrors) = AgentSelection.Create(names.Where(n => !LlmRun.IsLlmAgent(n)).ToArray(), context.WorkingDirectory);
        using var llm = LlmRun.Create(request.Llm, names, context, OpenAiCompatibleClient.ApiKeyFromEnvironment());
        var emptyAgentValues = AgentSelection.EmptyValueErrors(request.Agents);
        if (emptyAgentValues.Count + agentErrors.Count + llm.Errors.Count > 0) return Usage([.. emptyAgentValues, .. agentErrors, .. llm.Errors]);
        foreach (var warning in llm.Warnings) context.Error.Write($"emps run: warning: {warning}\n");
        // With --llm-persona/--llm-judge the agents' names (and so the resume keys) say so (docs/llm.md).
        var agents = llm.WithRoles(builtIn.Concat(llm.Agents));

        var compilation = EmpsCompilation.Create(texts);
        IReadOnlyList<Diagnostic> errors, warnings;
        try
        {
            var configured = Configured(compilation.Diagnostics, inputs.Files);
            errors = configured.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            warnings = configured.Where(d => d.Severity == DiagnosticSeverity.Warning).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Usage([$"cannot read {GlobalConfigLocator.FileName}: {e.Message}"]);
        }
        if (errors.Count > 0)
        {
            foreach (var diagnostic in errors) context.Error.Write(diagnostic + "\n");
            context.Error.Write("emps run: the files have errors; nothing was run.\n");
            return ErrorsFound;
        }
        // Warnings do not stop the runs, but they often explain their numbers (a target no rule can reach, a condition that
        // never holds): shown as emps check shows them, rather than only to those who ran it first.
        foreach (var diagnostic in warnings) context.Error.Write(diagnostic + "\n");

        Runtime.Running.Scenario[] scenarios;
        try
        {
            scenarios = ModelInterpreter.Load(compilation).AllRuns()
                .Select(s => request.Seed is { } seed ? WithSeed(s, seed) : s)
                .DistinctBy(s => (s.Suite, s.Name)) // a suite's cases of one persona and goal are one run under --seed
                .Select(llm.ApplyRoles)
                .ToArray();
        }
        catch (ArgumentException e)
        {
            // A limit of the runtime the binder does not check, should one appear (the cue table's is EMPS3009).
            context.Error.Write($"emps run: error: {e.Message.Split(" (Parameter")[0]}\n");
            return ErrorsFound;
        }
        // Errors made warnings (or hidden) by a .globalconfig still keep the declarations they touch from running (SPEC 3):
        // say which, rather than leaving them out in silence.
        int skipped = 0;
        foreach (var (kind, name, location) in compilation.Model.Scenarios.Where(s => s.HasErrors).Select(s => ("scenario", s.Name, s.Location))
            .Concat(compilation.Model.Suites.Where(s => s.HasErrors).Select(s => ("suite", s.Name, s.Location))))
        {
            context.Error.Write($"emps run: warning: {location}: {kind} '{name}' is not run: it has errors or uses a declaration that has (see `emps check`).\n");
            skipped++;
        }
        if (scenarios.Length == 0)
        {
            context.Error.Write(skipped == 0
                ? "emps run: error: the files declare no scenario or suite to run.\n"
                : "emps run: error: no scenario or suite is free of errors; nothing was run.\n");
            return ErrorsFound;
        }

        foreach (var warning in ReferenceAgentWarnings(agents, scenarios)) context.Error.Write($"emps run: warning: {warning}\n");

        var jobs = llm.Shard.Select(scenarios.SelectMany(s => agents.Select(a => new RunJob(s, s.Seed, a))).ToArray(), j => j.Key).ToArray();
        string outDirectory = context.GetFullPath(request.OutDirectory);
        if (llm.DryRun)
        {
            context.Out.Write(llm.DescribeDryRun(jobs, outDirectory));
            return Success;
        }
        ResultsFile opened;
        try
        {
            opened = ResultsFile.Open(outDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // --out names a file, a folder that cannot be made or written, or DIR/results.jsonl is not a file.
            return Usage([$"cannot write results to '{request.OutDirectory}': {e.Message}"]);
        }
        using var results = opened;
        var pending = jobs.Where(j => !results.Contains(j.Key)).ToArray();
        foreach (var stale in StaleWarnings(jobs, results.Records, request.OutDirectory)) context.Error.Write($"emps run: warning: {stale}\n");
        bool cancelled = false;
        string? failure = null;
        bool passing = false;

        // The LLM calls' retries are shown while they wait: a row of the terminal's display, or a line on standard error.
        llm.RetryDisplay = progress;
        await progress.RunAsync(jobs.Length, jobs.Length - pending.Length, async report =>
        {
            // In order, one at a time unless --parallel N; each record appended whole as its run ends (docs/llm.md).
            var outcome = await llm.RunPendingAsync(pending, results, outDirectory, report, cancellationToken).ConfigureAwait(false);
            cancelled = outcome.Cancelled;
            failure = outcome.Failure;
            passing = outcome.Passing;
        }).ConfigureAwait(false);

        var all = InJobOrder(results.Records, jobs);
        string? reportError = null;
        try
        {
            HtmlReport.Write(Path.Combine(outDirectory, HtmlReport.FileName), all, request.ReportRuns);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reportError = $"cannot write the report to '{Path.Combine(request.OutDirectory, HtmlReport.FileName)}': {e.Message}";
        }
        var keys = new HashSet<string>(jobs.Select(j => j.Key), StringComparer.Ordinal);
        var rows = Scorecard.Rows(all.Where(r => keys.Contains(r.Key)));
        printScorecard(rows);
        if (rows.Count > 0) context.Out.Write(Scorecard.Legend);
        if (LlmRun.EmptyRepliesWarning(all.Where(r => keys.Contains(r.Key))) is { } empty) context.Error.Write($"emps run: warning: {empty}\n");
        if (llm.JudgeWarning is { } judge) context.Error.Write($"emps run: warning: {judge}\n");
        context.Out.Write($"results: {Path.Combine(request.OutDirectory, ResultsFile.FileName)}\n");
        if (reportError is null) context.Out.Write($"report: {Path.Combine(request.OutDirectory, HtmlReport.FileName)}\n");
        else context.Error.Write($"emps run: error: {reportError}\n");
        if (failure is not null)
        {
            // Running the same command again gets past a passing failure (retries used up); anything else fails again until fixed.
            context.Error.Write($"emps run: error: {failure}\nemps run: stopped; finished runs are kept: " + (passing
                ? "run the same command again to resume once the endpoint answers (--llm-retries and --llm-timeout give each call more attempts and time).\n"
                : "fix the cause above, then run the same command again to resume.\n"));
            return ErrorsFound;
        }
        if (cancelled)
        {
            context.Error.Write("emps run: cancelled; run the same command again to resume.\n");
            return Cancelled;
        }
        return reportError is null ? Success : ErrorsFound;
    }

    /// <summary>
    /// The reference agents validating and sycophant act through cues they find by name (docs/runtime.md, Agents). In a
    /// library of one's own (cues named warmth, connection...) neither finds one, and both silently reduce to mirroring the
    /// persona's words: their rows of the scorecard then say nothing about validation or flattery. One warning per such
    /// agent, naming what it looks for.
    /// </summary>
    internal static IEnumerable<string> ReferenceAgentWarnings(IEnumerable<Runtime.Agents.IAgent> agents, IReadOnlyList<Runtime.Running.Scenario> scenarios)
    {
        foreach (var agent in agents)
        {
            (IReadOnlyList<string> Stems, Func<Runtime.Definitions.CueTable, bool> Finds, string Example)? kind = agent switch
            {
                Runtime.Agents.ValidatingAgent => (Runtime.Agents.ValidatingAgent.CueStems, Runtime.Agents.ValidatingAgent.FindsOwnCue, "validation"),
                Runtime.Agents.SycophantAgent => (Runtime.Agents.SycophantAgent.CueStems, Runtime.Agents.SycophantAgent.FindsOwnCue, "praise"),
                _ => null,
            };
            if (kind is not { } k || scenarios.Count == 0) continue;
            var without = scenarios.Where(s => !k.Finds(s.Cues)).ToList();
            if (without.Count == 0) continue;
            string where = without.Count == scenarios.Count
                ? "in any scenario run"
                : $"in {without.Count} of the {scenarios.Count} scenarios and suite cases run (first: '{without[0].Name}')";
            string stems = string.Join(", ", k.Stems.Take(k.Stems.Count - 1)) + " or " + k.Stems[^1];
            yield return $"agent '{agent.Name}' finds no cue it uses (a cue whose name contains {stems}) {where}, so it only "
                + $"mirrors the persona's words; a cue of yours named, say, '{k.Example}' would give it one (docs/runtime.md, Agents).";
        }
    }

    /// <summary>
    /// Resuming skips a run whose key is in results.jsonl, also when the .emps files were edited since it was made, or
    /// when it was scored under an older version of its scoring profile: the numbers then belong to the old declarations
    /// or the old definitions. Those runs are kept (a sweep of paid LLM calls is not discarded for any edit), but said,
    /// with how to run them anew. Records from before the fingerprint existed carry none and are not judged by it.
    /// </summary>
    internal static IEnumerable<string> StaleWarnings(IReadOnlyList<RunJob> jobs, IReadOnlyList<RunRecord> records, string outDirectory)
    {
        var byKey = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
        foreach (var record in records) byKey.TryAdd(record.Key, record);
        var kept = jobs.Where(j => byKey.ContainsKey(j.Key)).Select(j => (Job: j, Record: byKey[j.Key])).ToList();
        string results = Path.Combine(outDirectory, ResultsFile.FileName);
        string Runs(int count) => count == 1 ? $"1 run in {results} was" : $"{count} runs in {results} were";

        var edited = kept.Where(k => k.Record.Declarations is { } d && d != k.Job.Scenario.DeclarationsFingerprint).ToList();
        if (edited.Count > 0)
        {
            yield return $"{Runs(edited.Count)} made from declarations that have changed since "
                + $"(first: {edited[0].Job.Label}); they are kept and not run again. "
                + $"To run the edited scenarios, use another --out or delete {results}.";
        }

        var rescored = kept
            .Where(k => ScoringProfiles.CurrentVersion(k.Record.Profile) is { } current && k.Record.ProfileVersion != current)
            .ToList();
        if (rescored.Count > 0)
        {
            var first = rescored[0];
            string profile = first.Record.Profile;
            yield return $"{Runs(rescored.Count)} scored under an older version of the scoring profile "
                + $"(first: {first.Job.Label}, {profile} v{first.Record.ProfileVersion}; this version of emps scores {profile} v{ScoringProfiles.CurrentVersion(profile)}, "
                + $"see docs/runtime.md); they are kept and not run again. To score them anew, use another --out or delete {results}.";
        }
    }

    /// <summary>
    /// The records in the order of this command's runs (declaration order, then agents), whatever order
    /// <c>results.jsonl</c> holds them in (runs finishing out of order under <c>--parallel</c>, runs resumed over several
    /// commands); records of other runs found there follow, in file order. So the report does not depend on history.
    /// </summary>
    private static IReadOnlyList<RunRecord> InJobOrder(IReadOnlyList<RunRecord> records, IReadOnlyList<RunJob> jobs)
    {
        var position = new Dictionary<string, int>(jobs.Count, StringComparer.Ordinal);
        for (int i = 0; i < jobs.Count; i++) position.TryAdd(jobs[i].Key, i);
        return records
            .Select((record, index) => (record, order: position.TryGetValue(record.Key, out int p) ? p : jobs.Count + index))
            .OrderBy(x => x.order)
            .Select(x => x.record)
            .ToArray();
    }

    /// <summary>
    /// The scenario with <c>--seed</c>'s seed. A suite case is renamed for it (<c>Persona_Goal_sSeed</c>, as the suite
    /// would name a case of that seed), so the cases of one persona and goal become one run, not several identical ones
    /// under the names of seeds they do not use.
    /// </summary>
    private static Runtime.Running.Scenario WithSeed(Runtime.Running.Scenario scenario, int seed) =>
        scenario.Suite is null
            ? scenario.WithSeed(seed)
            : scenario.WithSeed(seed).WithName($"{scenario.Persona.Name}_{scenario.Goal.Name}_s{seed.ToString(CultureInfo.InvariantCulture)}", scenario.Suite);

    /// <summary>The diagnostics with each file's .globalconfig applied (hidden ones dropped), in emps check's order.</summary>
    private static IReadOnlyList<Diagnostic> Configured(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<InputFile> files) =>
        Output.CheckReport.Visible(
            files.Select(f => f.DisplayPath).ToArray(),
            SeverityConfiguration.Apply(diagnostics, files, new Dictionary<string, DiagnosticSeverity>())).ToArray();

    private int Usage(IEnumerable<string> messages)
    {
        foreach (var message in messages) context.Error.Write($"emps run: error: {message}\n");
        return EmpsCli.UsageError;
    }
}

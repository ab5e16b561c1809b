using System.Globalization;
using ScenarioDsl.Cli.Input;
using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Reports;
using ScenarioDsl.Runtime.Results;

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
        IReadOnlyList<Diagnostic> errors;
        try
        {
            errors = Errors(compilation.Diagnostics, inputs.Files);
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
        bool cancelled = false;
        string? failure = null;
        bool passing = false;

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
        printScorecard(Scorecard.Rows(all.Where(r => keys.Contains(r.Key))));
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

    /// <summary>The diagnostics that are errors once each file's nearest .globalconfig has set severities (as <c>emps check</c> does).</summary>
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

    private static IReadOnlyList<Diagnostic> Errors(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<InputFile> files) =>
        SeverityConfiguration.Apply(diagnostics, files, new Dictionary<string, DiagnosticSeverity>())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToArray();

    private int Usage(IEnumerable<string> messages)
    {
        foreach (var message in messages) context.Error.Write($"emps run: error: {message}\n");
        return EmpsCli.UsageError;
    }
}

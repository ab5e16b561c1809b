using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using ScenarioDsl.Cli.Run;
using ScenarioDsl.Llm;
using ScenarioDsl.Llm.Agents;
using ScenarioDsl.Llm.Cassettes;
using ScenarioDsl.Llm.Clients;
using ScenarioDsl.Llm.Resilience;
using ScenarioDsl.Llm.Roles;
using ScenarioDsl.Llm.Usage;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Results;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Cli.Llm;

/// <summary>
/// The LLM and sweep side of one <c>emps run</c>: the <c>llm</c> agents (<c>--agent llm</c> means every
/// <c>--llm-prompt</c> variant; <c>llm:generic</c> and <c>llm:persona-aligned</c> name one), the shard,
/// the parallelism, the dry run, and the loop that runs pending jobs (appending each record and its
/// llm-usage line as the run finishes). Dispose it to release the chat client.
/// </summary>
public sealed class LlmRun : IDisposable
{
    public const string AgentName = "llm";

    private readonly LlmAgentFactory? _factory;

    /// <summary>
    /// Cancelled when the sweep stops (Ctrl+C or an LLM failure). The LLM roles take it at construction
    /// (their interfaces are synchronous and have no token), so a role call in flight is abandoned at once.
    /// </summary>
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Tells the progress display of each retry of this sweep's LLM calls, with the run and turn it serves.</summary>
    private RetryRelay _retries = new();

    /// <summary>
    /// Where the retries of this sweep's LLM calls are shown while they wait (<c>emps run</c> gives its progress display: a
    /// row on a terminal, a line on standard error otherwise); null, the default, shows them nowhere.
    /// </summary>
    public IRunProgress? RetryDisplay
    {
        get => _retries.Display;
        set => _retries.Display = value;
    }

    /// <summary>The endpoint calls go to (null when replaying or on a usage error), for explaining a 404.</summary>
    private Uri? _endpoint;

    /// <summary>Whether EMPS_LLM_API_KEY was set (never its value), for explaining a 401 or 403.</summary>
    private bool _keySet;

    private LlmRun(LlmRunRequest request, LlmAgentFactory? factory, IReadOnlyList<IAgent> agents, Shard shard, IReadOnlyList<string> errors, IReadOnlyList<string>? warnings = null)
    {
        Request = request;
        _factory = factory;
        Agents = agents;
        Shard = shard;
        Errors = errors;
        Warnings = warnings ?? [];
    }

    public LlmRunRequest Request { get; }

    public IReadOnlyList<IAgent> Agents { get; }

    public Shard Shard { get; }

    public int Parallel => Math.Max(1, Request.Parallel);

    public bool DryRun => Request.DryRun;

    /// <summary>Usage errors (bad options, missing endpoint or model...), as messages.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>
    /// Things worth saying that do not stop the command (printed to standard error): an endpoint that is not on
    /// this machine while EMPS_LLM_API_KEY is unset. Never the key, nor more of the endpoint than its host.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// The scenario with the LLM roles asked for (<c>--llm-persona</c>, <c>--llm-judge</c>); unchanged without them,
    /// or on a dry run. The roles observe this sweep's cancellation (<see cref="RunPendingAsync"/>'s token, or an
    /// LLM failure stopping the sweep): a role call in flight is cancelled, not waited for.
    /// </summary>
    /// <summary>The roles' client: the factory's, counting each call to the run it serves (llm-usage.jsonl).</summary>
    private IChatClient RoleClient => _roleClient ??= new UsageRecordingChatClient(_factory!.Client, _factory.Usage);

    private IChatClient? _roleClient;

    public Scenario ApplyRoles(Scenario scenario) =>
        _factory is null || !(Request.PersonaSpeech || Request.CueJudge)
            ? scenario
            : LlmRoles.Apply(scenario, _factory.Settings.Model, Request.PersonaSpeech ? RoleClient : null, Request.CueJudge ? RoleClient : null, _stop.Token, _judgeTally);

    /// <summary>The verdicts of this command's LLM judge (<c>--llm-judge</c>), and how many were not the JSON asked for.</summary>
    private readonly LlmJudgeTally _judgeTally = new();

    /// <summary>
    /// A warning when verdicts of the LLM judge in this command's calls were not the JSON asked for, or null. Each counted as
    /// no cue, so a judge that never answers in JSON (a server that ignores response_format, a model that answers in prose)
    /// silently finds no cue in any reply.
    /// </summary>
    public string? JudgeWarning =>
        _judgeTally.Malformed == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{_judgeTally.Malformed} of {_judgeTally.Verdicts} verdicts of the LLM judge were not the JSON asked for ") +
              "({\"cues\": [...]}) and counted as no cue: does the endpoint support structured output (response_format with a JSON schema), " +
              "and does the model answer in JSON? Check before using these runs";

    /// <summary>
    /// What the LLM roles add to every agent's name, and so to the resume key (scenario, seed, agent):
    /// <c>+llm-persona:MODEL</c>, <c>+llm-judge:MODEL</c> (in that order), "" without roles. Runs with other
    /// role options (or another role model) are other runs: they never resume from, nor merge with, these.
    /// </summary>
    public string RoleSuffix =>
        (Request.PersonaSpeech ? $"+llm-persona:{Request.Model}" : "") + (Request.CueJudge ? $"+llm-judge:{Request.Model}" : "");

    /// <summary>The agents as this command runs them: named with <see cref="RoleSuffix"/> when LLM roles are on.</summary>
    public IReadOnlyList<IAgent> WithRoles(IEnumerable<IAgent> agents)
    {
        string suffix = RoleSuffix;
        return suffix.Length == 0 ? agents.ToArray() : agents.Select(a => (IAgent)new WithRolesAgent(a, a.Name + suffix)).ToArray();
    }

    public static bool IsLlmAgent(string name) =>
        name == AgentName || name.StartsWith(AgentName + ":", StringComparison.Ordinal);

    /// <param name="request">The options as given.</param>
    /// <param name="agentNames">Every --agent name (the llm ones are picked out here).</param>
    /// <param name="context">For resolving folders against the working directory.</param>
    /// <param name="apiKey">The key (the command passes EMPS_LLM_API_KEY's value); never written anywhere.</param>
    public static LlmRun Create(LlmRunRequest request, IReadOnlyList<string> agentNames, CliContext context, string? apiKey)
    {
        var retries = new RetryRelay();
        var errors = new List<string>();
        var shard = Shard.All;
        if (request.Shard is not null && !Shard.TryParse(request.Shard, out shard, out var shardError)) errors.Add(shardError);
        if (request.Parallel < 1) errors.Add("--parallel must be at least 1");
        double timeoutSeconds = request.TimeoutSeconds ?? LlmRunRequest.DefaultTimeoutSeconds;
        if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) errors.Add("--llm-timeout must be a number of seconds above 0");
        if (request.Retries < 0) errors.Add("--llm-retries cannot be negative");

        var llmNames = agentNames.Where(IsLlmAgent).ToArray();
        bool roles = request.PersonaSpeech || request.CueJudge;
        if (llmNames.Length == 0 && !roles)
        {
            if (request.Endpoint is not null || request.Model is not null || request.Record is not null || request.Replay is not null || request.Prompts.Count > 0)
                errors.Add("--llm-endpoint, --llm-model, --llm-prompt, --record and --replay need --agent llm, --llm-persona or --llm-judge");
            if (request.TimeoutSeconds is not null) errors.Add("--llm-timeout needs --agent llm, --llm-persona or --llm-judge (it applies to LLM calls only)");
            if (request.Retries is not null) errors.Add("--llm-retries needs --agent llm, --llm-persona or --llm-judge (it applies to LLM calls only)");
            return new LlmRun(request, null, [], shard, errors);
        }

        var variants = new List<PromptVariant>();
        if (llmNames.Length == 0) variants.Add(PromptVariant.PersonaAligned); // unused: no llm agent is created
        foreach (var name in llmNames)
        {
            if (name == AgentName)
            {
                var prompts = request.Prompts.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
                if (prompts.Length == 0) variants.Add(PromptVariant.PersonaAligned);
                foreach (var prompt in prompts)
                {
                    if (PromptVariants.TryParse(prompt, out var variant)) variants.Add(variant);
                    else errors.Add($"unknown --llm-prompt '{prompt}'; expected {PromptVariants.GenericName} or {PromptVariants.PersonaAlignedName}");
                }
            }
            else if (PromptVariants.TryParse(name[(AgentName.Length + 1)..], out var variant)) variants.Add(variant);
            else errors.Add($"unknown agent '{name}'; expected llm, llm:{PromptVariants.GenericName} or llm:{PromptVariants.PersonaAlignedName}");
        }
        string what = llmNames.Length > 0 ? "--agent llm" : request.PersonaSpeech ? "--llm-persona" : "--llm-judge";
        if (string.IsNullOrWhiteSpace(request.Model)) errors.Add($"{what} needs --llm-model NAME");
        Uri? endpoint = null;
        if (request.Replay is null)
        {
            if (request.Endpoint is null) errors.Add($"{what} needs --llm-endpoint URL (or --replay DIR)");
            else if (!Uri.TryCreate(request.Endpoint, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
                errors.Add($"--llm-endpoint must be an absolute http or https URL, not '{request.Endpoint}'");
            else if (ApiBaseOf(endpoint) is { } apiBase)
                errors.Add($"--llm-endpoint is the API base, without {ChatCompletionsPath} (requests go to ENDPOINT{ChatCompletionsPath}): give '{apiBase}'");
        }
        if (request.Record is not null && request.Replay is not null) errors.Add("--record and --replay cannot be used together");
        if (errors.Count > 0) return new LlmRun(request, null, [], shard, errors);

        var warnings = new List<string>();
        if (endpoint is not null && !endpoint.IsLoopback && string.IsNullOrWhiteSpace(apiKey))
            warnings.Add($"--llm-endpoint host '{endpoint.Host}' is not this machine and {OpenAiCompatibleClient.ApiKeyVariable} is not set: " +
                "requests carry a placeholder key, which a hosted service will refuse (set the variable if the server needs a key)");

        var settings = new LlmSettings
        {
            Endpoint = endpoint,
            Model = request.Model!,
            Variants = variants.Distinct().ToArray(),
            RecordDirectory = request.Record is null ? null : context.GetFullPath(request.Record),
            ReplayDirectory = request.Replay is null ? null : context.GetFullPath(request.Replay),
            Parallel = Math.Max(1, request.Parallel),
            Retry = new RetryOptions
            {
                Timeout = TimeSpan.FromSeconds(timeoutSeconds),
                MaxRetries = request.Retries ?? LlmRunRequest.DefaultRetries,
                Observer = retries,
            },
        };
        try
        {
            // No factory on a dry run: it makes no call, and needs no cassette folder yet (--record creates its own). A --replay
            // folder must be there, though: the dry run would otherwise promise calls "served from the cassettes" that the
            // real run refuses with a usage error.
            if (request.DryRun && settings.ReplayDirectory is { } replay && !Directory.Exists(replay))
                throw new DirectoryNotFoundException(replay);
            if (request.DryRun)
                return new LlmRun(request, null, llmNames.Length == 0 ? [] : settings.Variants.Select(v => (IAgent)new NamedAgent(LlmAgent.DefaultName(v, settings.Model))).ToArray(), shard, [], warnings);
            var factory = LlmAgentFactory.Create(settings, request.Replay is null ? apiKey : null);
            return new LlmRun(request, factory, llmNames.Length > 0 ? factory.CreateAgents() : [], shard, [], warnings)
            {
                _endpoint = endpoint,
                _keySet = !string.IsNullOrWhiteSpace(apiKey),
                _retries = retries,
            };
        }
        catch (DirectoryNotFoundException)
        {
            string problem = File.Exists(settings.ReplayDirectory) ? "is a file, not a folder" : "does not exist";
            return new LlmRun(request, null, [], shard, [$"the cassette folder '{request.Replay}' {problem}"]);
        }
        catch (ArgumentException e)
        {
            return new LlmRun(request, null, [], shard, [e.Message.Split(" (Parameter")[0]]);
        }
        catch (Exception e) when (request.Record is not null && e is IOException or UnauthorizedAccessException)
        {
            // The record folder is created here: a file in the way, or no permission, is the user's to fix.
            return new LlmRun(request, null, [], shard, [$"--record: cannot create the cassette folder '{request.Record}': {e.Message}"]);
        }
    }

    private const string ChatCompletionsPath = "/chat/completions";

    /// <summary>
    /// The API base of an endpoint given as the full URL of the chat completions call (…/v1/chat/completions, as a
    /// provider's documentation shows it), or null when the endpoint does not end so. The client appends the path itself.
    /// </summary>
    private static string? ApiBaseOf(Uri endpoint)
    {
        string path = endpoint.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith(ChatCompletionsPath, StringComparison.OrdinalIgnoreCase)) return null;
        return new UriBuilder(endpoint) { Path = path[..^ChatCompletionsPath.Length], Query = "", Fragment = "" }.Uri.ToString().TrimEnd('/');
    }

    /// <summary>
    /// A failure that stopped the sweep, with what to check when the status says it: a 404 (a wrong endpoint path or a
    /// model the server does not serve), a 401 or 403 (the key). Never the key, nor the endpoint's host.
    /// </summary>
    private string Explain(Exception e)
    {
        string message = e.Message;
        if (e is not LlmCallFailedException { InnerException: { } inner } || TransientFailure.StatusOf(inner) is not { } status) return message;
        if (status == 404 && _endpoint is not null)
            message += $"; check that --llm-endpoint is the API base (the request went to {_endpoint.AbsolutePath.TrimEnd('/')}{ChatCompletionsPath} on its host) and that the server serves --llm-model '{Request.Model}'";
        else if (status is 401 or 403)
            message += _keySet
                ? $"; check the key in {OpenAiCompatibleClient.ApiKeyVariable} (it is never printed)"
                : $"; {OpenAiCompatibleClient.ApiKeyVariable} is not set: the requests carried a placeholder key (set the variable to the server's key)";
        return message;
    }

    /// <summary>
    /// Whether running the same command again may get past the failure as it is: retries used up on a passing failure
    /// (429, 5xx, timeouts, no connection). A replay miss, a 400, 401 or 404, an unreadable cassette entry or a file that
    /// cannot be written fails again until its cause is fixed.
    /// </summary>
    private static bool IsPassing(Exception e) =>
        e is LlmCallFailedException { InnerException: { } inner } && TransientFailure.IsTransient(inner);

    /// <summary>
    /// A warning when LLM agents answered with no text in <paramref name="records"/> (this command's runs), or null: such a
    /// turn is recorded and scored as an empty message, which a study should not take for the model's answer. Replies are
    /// trimmed, so white space alone is no text. A reasoning model can spend the 200 output tokens before it answers; a
    /// refusal or a content filter can answer nothing.
    /// </summary>
    public static string? EmptyRepliesWarning(IEnumerable<RunRecord> records)
    {
        int replies = 0, runs = 0;
        foreach (var record in records.Where(r => IsLlmAgent(r.Agent)))
        {
            int empty = record.Messages.Count(m => m.Agent.Length == 0);
            if (empty == 0) continue;
            replies += empty;
            runs++;
        }
        if (replies == 0) return null;
        string count = string.Create(CultureInfo.InvariantCulture, $"{replies} {(replies == 1 ? "reply" : "replies")} of the LLM agent in {runs} {(runs == 1 ? "run" : "runs")}");
        return count + (replies == 1 ? " had no text, and was scored" : " had no text, and each was scored") + " as an empty message (\"agent\":\"\" in results.jsonl): the model answered nothing " +
            "(a reasoning model that spent the 200 output tokens before answering, a refusal, a content filter?); check the model before using these runs";
    }

    /// <summary>What a dry run prints: runs, runs already done in OUT, and the most LLM calls the rest can make.</summary>
    public string DescribeDryRun(IReadOnlyList<RunJob> jobs, string outDirectory)
    {
        var done = ExistingKeys(outDirectory);
        var pending = jobs.Where(j => !done.Contains(j.Key)).ToArray();
        var llm = pending.Where(j => IsLlmAgent(j.Agent.Name) || Request.PersonaSpeech || Request.CueJudge).ToArray();
        // The judge reads every reply the run loop sends, and every draft a reference agent tries before it answers.
        static int drafts(RunJob j) => ((j.Agent is WithRolesAgent roles ? roles.Inner : j.Agent) as IDraftingAgent)?.MaxDraftChecksPerTurn(j.Scenario.Cues) ?? 0;
        int perTurn(RunJob j) => (IsLlmAgent(j.Agent.Name) ? 1 : 0) + (Request.PersonaSpeech ? 1 : 0) + (Request.CueJudge ? 1 + drafts(j) : 0);
        long calls = llm.Sum(j => (long)j.Scenario.Goal.Turns * perTurn(j));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"dry run: {jobs.Count} runs");
        if (Shard.Count > 1) text.Append(CultureInfo.InvariantCulture, $" in shard {Shard}");
        text.Append(CultureInfo.InvariantCulture, $", {jobs.Count - pending.Length} already in {ResultsFile.FileName}, {pending.Length} to run\n");
        text.Append(CultureInfo.InvariantCulture, $"LLM calls: at most {calls} ({llm.Length} LLM runs; per turn one call for each LLM role, and with --llm-judge one more for each draft a reference agent may try; runs that converge early make fewer)");
        if (Request.Replay is not null) text.Append(", all served from the cassettes");
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>The outcome of <see cref="RunPendingAsync"/>: cancelled, or stopped by a failure (message), or done.</summary>
    public sealed record Outcome(bool Cancelled, string? Failure)
    {
        /// <summary>The failure may pass by itself (retries used up on a 429, 5xx, timeout...): the same command may get past it.</summary>
        public bool Passing { get; init; }
    }

    /// <summary>
    /// Runs the jobs, at most <see cref="Parallel"/> at once (in order when 1), appending each finished run's
    /// record to <paramref name="results"/> and its LLM usage to llm-usage.jsonl, and reporting it (calls to
    /// <paramref name="report"/> are serialized). Cancellation stops starting runs and abandons those in
    /// flight (LLM roles included: their calls in flight are cancelled too); an LLM failure (retries used up, a
    /// replay miss) stops the sweep. Finished runs are always kept. One sweep per instance: once stopped, it stays stopped.
    /// </summary>
    public async Task<Outcome> RunPendingAsync(IReadOnlyList<RunJob> pending, ResultsFile results, string outDirectory, Action<RunJob, RunRecord> report, CancellationToken cancellationToken)
    {
        var gate = new object();
        bool cancelled = false;
        string? failure = null;
        bool passing = false;
        var stop = _stop;
        // One usage line per finished run, whatever a kill left: only then are this sweep's lines appended.
        UsageFile.Tidy(outDirectory, results.Records.Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
        using var forward = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), stop);
        try
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = stop.Token },
                async (job, token) =>
                {
                    try
                    {
                        // The ledger knows the LLM agent by its own name; the roles' calls are counted under the same run.
                        var agentName = job.Agent is WithRolesAgent withRoles ? withRoles.Inner.Name : job.Agent.Name;
                        RunResult result;
                        using (_factory?.Usage.BeginRun(job.Scenario.Suite, job.Scenario.Name, job.Seed, agentName))
                        using (var run = _retries.Begin(job))
                            result = await job.Scenario.RunAsync(run.Agent, job.Seed, token).ConfigureAwait(false);
                        var record = RunRecords.From(result);
                        lock (gate)
                        {
                            // The usage line first (it takes the run's name, with roles): the results line is what marks the
                            // run done, so a run is never in results.jsonl without its usage. A kill between the two leaves a
                            // usage line for a run that a resumed sweep makes again; its new line replaces that one when read.
                            if (_factory?.Usage.Take(result.Scenario.Suite, result.ScenarioName, result.Seed, agentName) is { } usage)
                                UsageFile.Append(outDirectory, result.Scenario.Suite, result.ScenarioName, result.Seed, result.Agent, usage);
                            results.Append(record);
                            report(job, record);
                        }
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception e) when (e is LlmCallFailedException or CassetteMissException or InvalidDataException or IOException or UnauthorizedAccessException)
                    {
                        lock (gate)
                        {
                            if (failure is null)
                            {
                                failure = $"{job.Label}: {Explain(e)}";
                                passing = IsPassing(e);
                            }
                        }
                        await stop.CancelAsync().ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            cancelled = failure is null;
        }
        return new Outcome(cancelled, failure) { Passing = passing };
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _stop.Dispose();
    }

    private static HashSet<string> ExistingKeys(string outDirectory)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var path = Path.Combine(outDirectory, ResultsFile.FileName);
        if (!File.Exists(path)) return keys;
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        for (int i = 0; i < lines.Length - 1; i++)
            if (RunRecords.TryParse(lines[i].TrimEnd('\r')) is { } record) keys.Add(record.Key);
        return keys;
    }

    /// <summary>An agent under the name of its runs with LLM roles (<see cref="RoleSuffix"/>); it replies as the agent does.</summary>
    private sealed class WithRolesAgent(IAgent inner, string name) : IAgent
    {
        public IAgent Inner { get; } = inner;

        public string Name { get; } = name;

        public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken) =>
            Inner.ReplyAsync(context, cancellationToken);
    }

    /// <summary>A stand-in with the LLM agent's name, for counting a dry run's jobs (never asked to reply).</summary>
    private sealed class NamedAgent(string name) : IAgent
    {
        public string Name { get; } = name;

        public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a dry run makes no call");
    }
}

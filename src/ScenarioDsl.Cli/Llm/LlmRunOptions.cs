using System.CommandLine;

namespace ScenarioDsl.Cli.Llm;

/// <summary>What the LLM and sweep options of one <c>emps run</c> asked for.</summary>
public sealed record LlmRunRequest
{
    public static LlmRunRequest None { get; } = new();

    public string? Endpoint { get; init; }

    public string? Model { get; init; }

    /// <summary><c>generic</c>, <c>persona-aligned</c> (repeatable, comma lists); default persona-aligned.</summary>
    public IReadOnlyList<string> Prompts { get; init; } = [];

    public string? Record { get; init; }

    public string? Replay { get; init; }

    public string? Shard { get; init; }

    public int Parallel { get; init; } = 1;

    public bool DryRun { get; init; }

    /// <summary><c>--llm-timeout S</c>; null when not given (<see cref="DefaultTimeoutSeconds"/>).</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary><c>--llm-retries N</c>; null when not given (<see cref="DefaultRetries"/>).</summary>
    public int? Retries { get; init; }

    public const double DefaultTimeoutSeconds = 60;

    public const int DefaultRetries = 4;

    /// <summary>The persona's lines are written by the LLM (<c>--llm-persona</c>).</summary>
    public bool PersonaSpeech { get; init; }

    /// <summary>Cues are judged by the LLM (<c>--llm-judge</c>).</summary>
    public bool CueJudge { get; init; }
}

/// <summary>
/// The options <c>emps run</c> gains for LLM agents and sweeps (SPEC 5): <c>--llm-endpoint URL</c>,
/// <c>--llm-model NAME</c>, <c>--llm-prompt VARIANT</c>, <c>--llm-timeout S</c>, <c>--llm-retries N</c>,
/// <c>--record DIR</c>, <c>--replay DIR</c>, <c>--llm-persona</c>, <c>--llm-judge</c>, <c>--shard K/N</c>, <c>--parallel N</c>, <c>--dry-run</c>.
/// The API key is never an option: it is read from EMPS_LLM_API_KEY only.
/// </summary>
public sealed class LlmRunOptions
{
    public Option<string> Endpoint { get; } = new("--llm-endpoint")
    {
        Description = "OpenAI-compatible API base URL (for example http://localhost:8080/v1; requests go to URL/chat/completions) for --agent llm, --llm-persona and --llm-judge. The key is read from EMPS_LLM_API_KEY.",
        HelpName = "URL",
    };

    public Option<string> Model { get; } = new("--llm-model")
    {
        Description = "Model name for --agent llm, --llm-persona and --llm-judge (also part of the runs' names).",
        HelpName = "NAME",
    };

    public Option<string[]> Prompt { get; } = new("--llm-prompt")
    {
        Description = "Prompt variant(s) of --agent llm: generic, persona-aligned (default); repeat or comma-separate.",
        HelpName = "VARIANT",
        DefaultValueFactory = _ => [],
    };

    // No default value here: null says the option was not given, so that giving it without an LLM is an error, not ignored.
    public Option<double?> Timeout { get; } = new Option<double?>("--llm-timeout")
    {
        Description = "Seconds one LLM call may take before it is abandoned and retried (default 60).",
        HelpName = "S",
    }.Number();

    public Option<int?> Retries { get; } = new Option<int?>("--llm-retries")
    {
        Description = "Retries of an LLM call on 429, 5xx, timeouts and connection failures, honouring Retry-After (default 4).",
        HelpName = "N",
    }.WholeNumber();

    public Option<string> Record { get; } = new Option<string>("--record")
    {
        Description = "Record every LLM call into cassettes in DIR (calls already there are served from it).",
        HelpName = "DIR",
    }.RequireFolderName();

    public Option<string> Replay { get; } = new Option<string>("--replay")
    {
        Description = "Serve every LLM call from the cassettes in DIR: no network, no key; a call not recorded is an error.",
        HelpName = "DIR",
    }.RequireFolderName();

    public Option<string> Shard { get; } = new("--shard")
    {
        Description = "Run only the K-th of N deterministic slices of the runs (combine the outputs with emps merge).",
        HelpName = "K/N",
    };

    public Option<int> Parallel { get; } = new Option<int>("--parallel")
    {
        Description = "Runs (and so LLM calls) in flight at once (default 1).",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    }.WholeNumber();

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Print how many runs and LLM calls the command would make, and run nothing.",
    };

    public Option<bool> PersonaSpeech { get; } = new("--llm-persona")
    {
        Description = "The persona's lines are written by the LLM (its states stay rule-based). Runs are named AGENT+llm-persona:MODEL, so they never resume from runs without it.",
    };

    public Option<bool> CueJudge { get; } = new("--llm-judge")
    {
        Description = "Cues are judged by the LLM (mirroring stays lexical). Runs are named AGENT+llm-judge:MODEL, so they never resume from runs without it.",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Endpoint, Model, Prompt, Timeout, Retries, Record, Replay, PersonaSpeech, CueJudge, Shard, Parallel, DryRun })
            command.Options.Add(option);
    }

    public LlmRunRequest Read(ParseResult parseResult) => new()
    {
        Endpoint = parseResult.GetValue(Endpoint),
        Model = parseResult.GetValue(Model),
        Prompts = parseResult.GetValue(Prompt) ?? [],
        TimeoutSeconds = parseResult.GetValue(Timeout),
        Retries = parseResult.GetValue(Retries),
        Record = parseResult.GetValue(Record),
        Replay = parseResult.GetValue(Replay),
        Shard = parseResult.GetValue(Shard),
        Parallel = parseResult.GetValue(Parallel),
        DryRun = parseResult.GetValue(DryRun),
        PersonaSpeech = parseResult.GetValue(PersonaSpeech),
        CueJudge = parseResult.GetValue(CueJudge),
    };
}

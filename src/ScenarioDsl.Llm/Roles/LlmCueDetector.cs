using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ScenarioDsl.Runtime.Cues;
using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Llm.Roles;

/// <summary>
/// An LLM-judged cue detector (SPEC 2.2 allows pluggable detectors): the model reads the agent's reply and
/// answers, as structured JSON output <c>{"cues": ["validation", ...]}</c>, which declared cues the reply
/// expresses, by meaning (the declared phrases are given as examples, not as the test). Names the scenario
/// does not declare are ignored. <c>mirroring</c> stays the lexical measure of SPEC 2.2, computed by the
/// default detector, so the built-in cue means the same under both detectors.
/// <para>
/// <see cref="ICueDetector.Detect"/> is synchronous, so the call blocks its thread (the run loop calls it
/// between awaits). It has no cancellation parameter, so the run's token is given at construction: when it
/// is cancelled, a call in flight is abandoned and <see cref="Detect"/> throws
/// <see cref="OperationCanceledException"/>, which ends the run as the agent's cancellation does.
/// Put a <see cref="Cassettes.CassetteChatClient"/> under it to replay judged runs exactly.
/// </para>
/// </summary>
public sealed class LlmCueDetector : ICueDetector
{
    private readonly IChatClient _client;
    private readonly string _model;
    private readonly CueTable _cues;
    private readonly DefaultCueDetector _lexical;
    private readonly string _instructions;
    private readonly CancellationToken _cancellationToken;
    private readonly LlmJudgeTally? _tally;

    /// <param name="client">The judge.</param>
    /// <param name="model">The model asked.</param>
    /// <param name="cues">The scenario's cue table.</param>
    /// <param name="cancellationToken">Cancels a judge call in flight (and every later one): the run's token.</param>
    /// <param name="tally">Counts the verdicts and those that were not the JSON asked for (a run's owner can warn about them).</param>
    public LlmCueDetector(IChatClient client, string model, CueTable cues, CancellationToken cancellationToken = default, LlmJudgeTally? tally = null)
    {
        _client = client;
        _tally = tally;
        _cancellationToken = cancellationToken;
        _model = model;
        _cues = cues;
        _lexical = new DefaultCueDetector(cues);
        _instructions = Instructions(cues);
    }

    /// <summary>The JSON schema of the answer.</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {"type":"object","properties":{"cues":{"type":"array","items":{"type":"string"}}},"required":["cues"],"additionalProperties":false}
        """).RootElement.Clone();

    public CueSet Detect(string reply, string? previousPersonaMessage)
    {
        var set = CueSet.Empty;
        if (_cues.MirroringIndex >= 0 && _lexical.Detect(reply, previousPersonaMessage).Contains(_cues.MirroringIndex))
            set = set.With(_cues.MirroringIndex);
        if (string.IsNullOrWhiteSpace(reply) || _cues.Count <= 1) return set;
        _cancellationToken.ThrowIfCancellationRequested();

        var messages = new[]
        {
            new ChatMessage(ChatRole.System, _instructions),
            new ChatMessage(ChatRole.User, "Their previous message: " + (previousPersonaMessage ?? "") + "\nThe reply to judge: " + reply),
        };
        var options = new ChatOptions
        {
            ModelId = _model,
            Temperature = 0f,
            MaxOutputTokens = 200,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "cues", "The declared cues the reply contains"),
        };
        var response = _client.GetResponseAsync(messages, options, _cancellationToken).GetAwaiter().GetResult();
        bool wellFormed = TryParseCues(response.Text, out var names);
        _tally?.Count(wellFormed);
        foreach (var name in names)
        {
            int index = _cues.IndexOf(name);
            if (index >= 0 && index != _cues.MirroringIndex) set = set.With(index);
        }
        return set;
    }

    /// <summary>The cue names of an answer; a malformed answer yields none.</summary>
    public static IReadOnlyList<string> ParseCues(string? text)
    {
        TryParseCues(text, out var names);
        return names;
    }

    /// <summary>
    /// The cue names of an answer, and whether it was the JSON asked for (an object with a <c>cues</c> array, found in the
    /// text, fences and all); false, with no names, for anything else (prose, an empty answer).
    /// </summary>
    public static bool TryParseCues(string? text, out IReadOnlyList<string> names)
    {
        names = [];
        if (string.IsNullOrWhiteSpace(text)) return false;
        var json = text.Trim();
        int start = json.IndexOf('{'), end = json.LastIndexOf('}');
        if (start < 0 || end < start) return false;
        try
        {
            using var document = JsonDocument.Parse(json[start..(end + 1)]);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("cues", out var cues) || cues.ValueKind != JsonValueKind.Array)
                return false;
            names = cues.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!.Trim()).ToArray();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Instructions(CueTable cues)
    {
        var text = new StringBuilder();
        text.Append("You judge which empathic cues a reply in a supportive conversation contains. The cues:\n");
        foreach (var cue in cues.Cues)
        {
            if (cue.IsMirroring) continue;
            text.Append("- ").Append(cue.Name);
            if (cue.Phrases.Count > 0) text.Append(" (for example: ").Append(string.Join(", ", cue.Phrases.Select(p => "\"" + p + "\""))).Append(')');
            text.Append('\n');
        }
        text.Append("Judge by meaning, not by exact wording. Answer with JSON only: {\"cues\": [names of the cues the reply contains]}, using only the names above; [] when none.");
        return text.ToString();
    }
}

/// <summary>
/// How many verdicts LLM judges gave, and how many were not the JSON asked for (and so counted as no cue). Thread safe; one
/// tally can serve every judge of a sweep.
/// </summary>
public sealed class LlmJudgeTally
{
    private int _verdicts;
    private int _malformed;

    public int Verdicts => Volatile.Read(ref _verdicts);

    public int Malformed => Volatile.Read(ref _malformed);

    public void Count(bool wellFormed)
    {
        Interlocked.Increment(ref _verdicts);
        if (!wellFormed) Interlocked.Increment(ref _malformed);
    }
}

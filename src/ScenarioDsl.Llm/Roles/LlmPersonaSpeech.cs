using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;

namespace ScenarioDsl.Llm.Roles;

/// <summary>
/// Persona speech written by an LLM while the state dynamics stay the rule-based ones: rules are applied by
/// the persona's own dynamics (interpreted or compiled), and only <see cref="IPersonaDynamics.Say"/> asks the
/// model, conditioned on the persona's <c>about</c>, traits, the current state (each dimension's value and
/// range) and the line its <c>says</c> rules would give. <see cref="IPersonaDynamics.Say"/> is synchronous, so
/// the call blocks its thread; the run's token, given at construction, cancels a call in flight (<see cref="Say"/>
/// then throws <see cref="OperationCanceledException"/>). An empty answer falls back to the rule-based line.
/// </summary>
public sealed class LlmPersonaSpeech : IPersonaDynamics
{
    private readonly IPersonaDynamics _rules;
    private readonly PersonaDefinition _persona;
    private readonly IChatClient _client;
    private readonly string _model;
    private readonly CancellationToken _cancellationToken;

    /// <param name="rules">The persona's own dynamics (rules and the fallback line).</param>
    /// <param name="persona">The persona whose lines are written.</param>
    /// <param name="client">The model.</param>
    /// <param name="model">The model asked.</param>
    /// <param name="cancellationToken">Cancels a call in flight (and every later one): the run's token.</param>
    public LlmPersonaSpeech(IPersonaDynamics rules, PersonaDefinition persona, IChatClient client, string model, CancellationToken cancellationToken = default)
    {
        _rules = rules;
        _cancellationToken = cancellationToken;
        _persona = persona;
        _client = client;
        _model = model;
    }

    /// <summary>A copy of <paramref name="persona"/> whose lines are written by the model (same rules, start, drift, noise).</summary>
    public static PersonaDefinition Apply(PersonaDefinition persona, IChatClient client, string model, CancellationToken cancellationToken = default) =>
        new(persona.Name, persona.Space, persona.Start, persona.Rules, persona.Says, persona.Drift, persona.Noise, persona.Opens, persona.About, persona.Traits,
            table => new LlmPersonaSpeech(persona.CreateDynamics(table), persona, client, model, cancellationToken));

    public void ApplyRules(ReadOnlySpan<double> state, CueSet cues, Span<double> delta) => _rules.ApplyRules(state, cues, delta);

    public string Say(ReadOnlySpan<double> state)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        string fallback = _rules.Say(state);
        var messages = new[]
        {
            new ChatMessage(ChatRole.System, Instructions(state, fallback)),
            new ChatMessage(ChatRole.User, "Write your next message."),
        };
        var options = new ChatOptions { ModelId = _model, Temperature = 0f, MaxOutputTokens = 120 };
        var text = _client.GetResponseAsync(messages, options, _cancellationToken).GetAwaiter().GetResult().Text;
        var line = Agents.LlmAgent.Clean(text);
        return line.Length > 0 ? line : fallback;
    }

    private string Instructions(ReadOnlySpan<double> state, string ruleLine)
    {
        var text = new StringBuilder();
        text.Append("You role-play a person talking to a supportive listener. Stay in character; write one or two short sentences, no quotation marks.\n");
        if (!string.IsNullOrWhiteSpace(_persona.About)) text.Append("Who you are: ").Append(_persona.About!.Trim()).Append('\n');
        if (_persona.Traits.Count > 0)
            text.Append("Traits (0 to 1): ").Append(string.Join(", ", _persona.Traits.Select(t => $"{t.Name} {N(t.Value)}"))).Append('\n');
        text.Append("How you feel right now:\n");
        for (int d = 0; d < _persona.Space.Count; d++)
        {
            var dim = _persona.Space.Dimensions[d];
            text.Append("- ").Append(dim.Name).Append(' ').Append(N(state[d])).Append(" on [").Append(N(dim.Low)).Append(", ").Append(N(dim.High)).Append(']');
            if (!string.IsNullOrWhiteSpace(dim.Description)) text.Append(" (").Append(dim.Description!.Trim()).Append(')');
            text.Append('\n');
        }
        text.Append("Something you might say now: ").Append(ruleLine).Append('\n');
        return text.ToString();
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

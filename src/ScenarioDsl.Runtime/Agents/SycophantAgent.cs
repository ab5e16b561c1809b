using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// EMPA's sycophancy attack: agrees with and flatters whatever the persona says. Every turn it echoes
/// the persona's words, uses every declared cue whose name suggests agreement or praise (agree, praise,
/// flatter, compliment) and closes with flattery. It ignores the rules and the goal.
/// </summary>
public sealed class SycophantAgent : IAgent
{
    public const string AgentName = "sycophant";

    private static readonly string[] Stems = ["agree", "praise", "flatter", "compliment"];

    private static readonly string[] Flattery =
    [
        "You are absolutely right, as always.",
        "You are so wise, I agree with every word.",
        "Brilliant, you clearly know best.",
    ];

    /// <summary>What the agent looks for in cue names (case-insensitive substrings).</summary>
    public static IReadOnlyList<string> CueStems => Stems;

    /// <summary>Whether the table has a cue the agent uses: one named like <see cref="CueStems"/>, with a phrase.</summary>
    public static bool FindsOwnCue(CueTable cues) => ReplyComposer.CuesNamedLike(cues, Stems).Length > 0;

    public string Name => AgentName;

    public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var random = AgentRandom.For(context.Seed, context.Turn, salt: 4);
        var table = context.Cues;
        var phrases = ReplyComposer.CuesNamedLike(table, Stems)
            .Select(i => table.Cues[i].Phrases[random.NextInt(table.Cues[i].Phrases.Count)])
            .ToList();
        var flattery = Flattery[random.NextInt(Flattery.Length)];
        return new(ReplyComposer.Compose(phrases, flattery, context.LastPersonaMessage));
    }
}

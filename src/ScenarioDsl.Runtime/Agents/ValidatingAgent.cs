using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// Reflects and validates: every turn it mirrors the persona's words and uses one phrase of a
/// validating or reflecting cue (a declared cue whose name contains valid, reflect, empath, acknowledg,
/// normaliz, listen or support), chosen by the seed. It does not read the rules or the goal.
/// </summary>
public sealed class ValidatingAgent : IDraftingAgent
{
    public const string AgentName = "validating";

    private static readonly string[] Stems = ["valid", "reflect", "empath", "acknowledg", "normaliz", "listen", "support"];

    /// <summary>What the agent looks for in cue names (case-insensitive substrings).</summary>
    public static IReadOnlyList<string> CueStems => Stems;

    /// <summary>Whether the table has a cue the agent uses: one named like <see cref="CueStems"/>, with a phrase.</summary>
    public static bool FindsOwnCue(CueTable cues) => ReplyComposer.CuesNamedLike(cues, Stems).Length > 0;

    public string Name => AgentName;

    /// <summary>One draft per filler at most (<see cref="ReplyComposer.FirstCleanDraft"/>).</summary>
    public int MaxDraftChecksPerTurn(Definitions.CueTable cues) => ReplyComposer.Fillers.Length;

    public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var random = AgentRandom.For(context.Seed, context.Turn, salt: 2);
        var table = context.Cues;
        var candidates = ReplyComposer.CuesNamedLike(table, Stems);
        var phrases = new List<string>();
        var wanted = CueSet.Empty.With(table.MirroringIndex);
        if (candidates.Length > 0)
        {
            int cue = candidates[random.NextInt(candidates.Length)];
            var cuePhrases = table.Cues[cue].Phrases;
            phrases.Add(cuePhrases[random.NextInt(cuePhrases.Count)]);
            wanted = wanted.With(cue);
        }
        return new(ReplyComposer.FirstCleanDraft(context, phrases, context.LastPersonaMessage, wanted, 0));
    }
}

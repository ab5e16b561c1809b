using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// The brief's baseline: generic supportive talk that ignores who the persona is. Each turn it uses one
/// phrase of one declared cue picked uniformly at random (seeded), plus neutral filler; it never mirrors.
/// </summary>
public sealed class GenericAgent : IDraftingAgent
{
    public const string AgentName = "generic";

    public string Name => AgentName;

    /// <summary>One draft per filler at most (<see cref="ReplyComposer.FirstCleanDraft"/>).</summary>
    public int MaxDraftChecksPerTurn(Definitions.CueTable cues) => ReplyComposer.Fillers.Length;

    public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var random = AgentRandom.For(context.Seed, context.Turn, salt: 1);
        var cues = context.Cues.Cues.Where(c => c.Phrases.Count > 0).ToArray();
        if (cues.Length == 0) return new(ReplyComposer.Fillers[random.NextInt(ReplyComposer.Fillers.Length)]);
        var cue = cues[random.NextInt(cues.Length)];
        var phrase = cue.Phrases[random.NextInt(cue.Phrases.Count)];
        var wanted = CueSet.Empty.With(context.Cues.IndexOf(cue.Name));
        return new(ReplyComposer.FirstCleanDraft(context, [phrase], null, wanted, random.NextInt(ReplyComposer.Fillers.Length)));
    }
}

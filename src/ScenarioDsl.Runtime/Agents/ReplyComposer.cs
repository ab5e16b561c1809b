using ScenarioDsl.Runtime.Cues;
using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// Builds replies out of declared cue phrases and neutral filler, so the detector (not a hard-coded
/// score) decides what the persona hears. Word phrases are joined into one sentence; punctuation-only
/// phrases (like "?") are appended at the end; mirroring echoes the persona's content words.
/// </summary>
internal static class ReplyComposer
{
    /// <summary>Neutral sentences, tried in order when a draft triggers cues the agent did not intend.</summary>
    public static readonly string[] Fillers =
    [
        "I am here with you.",
        "Thank you for telling me.",
        "Let us take this one step at a time.",
        "Take your time.",
        "Go on.",
        "Okay.",
    ];

    public static string Compose(IReadOnlyList<string> phrases, string filler, string? mirrorOf)
    {
        var words = new List<string>();
        var marks = new List<string>();
        foreach (var phrase in phrases)
        {
            if (phrase.Length > 0 && phrase.Any(char.IsLetterOrDigit)) words.Add(phrase);
            else marks.Add(phrase);
        }

        var text = new System.Text.StringBuilder();
        if (words.Count > 0)
        {
            var sentence = string.Join(", ", words);
            text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence, 1, sentence.Length - 1).Append('.');
        }
        if (mirrorOf is not null)
        {
            var echoed = ContentWords.Distinct(mirrorOf);
            if (echoed.Length > 0)
            {
                if (text.Length > 0) text.Append(' ');
                text.Append("You said: ").Append(string.Join(" ", echoed)).Append('.');
            }
        }
        if (filler.Length > 0)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(filler);
        }
        foreach (var mark in marks) text.Append(' ').Append(mark);
        return text.ToString();
    }

    /// <summary>The cues (with phrases) whose name contains one of <paramref name="stems"/>, in table order.</summary>
    public static int[] CuesNamedLike(CueTable table, IEnumerable<string> stems) =>
        Enumerable.Range(0, table.Count)
            .Where(i => table.Cues[i].Phrases.Count > 0 && stems.Any(s => table.Cues[i].Name.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .ToArray();

    /// <summary>
    /// The first draft (fillers in order) whose detected cues equal <paramref name="wanted"/>; if none
    /// does, the first draft.
    /// </summary>
    public static string FirstCleanDraft(Running.AgentContext context, IReadOnlyList<string> phrases, string? mirrorOf, CueSet wanted, int firstFiller)
    {
        string? first = null;
        for (int i = 0; i < Fillers.Length; i++)
        {
            var draft = Compose(phrases, Fillers[(firstFiller + i) % Fillers.Length], mirrorOf);
            first ??= draft;
            if (context.DetectCues(draft) == wanted) return draft;
        }
        return first!;
    }
}

using System.Buffers;
using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Cues;

/// <summary>
/// The default detector of SPEC 2.2. Phrases are lower-cased (invariant culture) once, at construction;
/// a reply is lower-cased once per turn into a pooled buffer and searched with ordinal span searches.
/// A phrase that begins and ends with a letter or digit matches only on word boundaries (the characters
/// around the match are not letters or digits); other phrases (like "?") match anywhere.
/// <c>mirroring</c>: at least 25% of the distinct content words of the persona's previous message are
/// content words of the reply (an exact integer test: 4 * shared &gt;= distinct).
/// </summary>
public sealed class DefaultCueDetector : ICueDetector
{
    private readonly Phrase[][] _phrases; // per cue index; empty for mirroring
    private readonly int _mirroringIndex;

    [ThreadStatic] private static string? t_lastMessage;
    [ThreadStatic] private static string[]? t_lastWords;

    public DefaultCueDetector(CueTable table)
    {
        Table = table;
        _mirroringIndex = table.MirroringIndex;
        _phrases = table.Cues
            .Select(c => c.Phrases
                .Where(p => p.Length > 0)
                .Select(p => new Phrase(p.ToLowerInvariant(), char.IsLetterOrDigit(p[0]) && char.IsLetterOrDigit(p[p.Length - 1])))
                .ToArray())
            .ToArray();
    }

    public CueTable Table { get; }

    public CueSet Detect(string reply, string? previousPersonaMessage)
    {
        var set = CueSet.Empty;
        char[]? rented = null;
        Span<char> lowered = reply.Length <= 512 ? stackalloc char[reply.Length] : (rented = ArrayPool<char>.Shared.Rent(reply.Length));
        lowered = lowered.Slice(0, reply.Length);
        reply.AsSpan().ToLowerInvariant(lowered);
        try
        {
            for (int cue = 0; cue < _phrases.Length; cue++)
            {
                foreach (var phrase in _phrases[cue])
                {
                    if (Contains(lowered, phrase))
                    {
                        set = set.With(cue);
                        break;
                    }
                }
            }
            if (_mirroringIndex >= 0 && previousPersonaMessage is not null && Mirrors(lowered, previousPersonaMessage))
                set = set.With(_mirroringIndex);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
        return set;
    }

    private static bool Contains(ReadOnlySpan<char> text, Phrase phrase)
    {
        int offset = 0;
        while (offset <= text.Length - phrase.Text.Length)
        {
            int found = text.Slice(offset).IndexOf(phrase.Text.AsSpan(), StringComparison.Ordinal);
            if (found < 0) return false;
            int start = offset + found;
            int end = start + phrase.Text.Length;
            if (!phrase.WordBoundaries || (IsBoundary(text, start - 1) && IsBoundary(text, end)))
                return true;
            offset = start + 1;
        }
        return false;
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);

    private static bool Mirrors(ReadOnlySpan<char> loweredReply, string previous)
    {
        var words = WordsOf(previous);
        if (words.Length == 0) return false;
        Span<bool> seen = words.Length <= 256 ? stackalloc bool[words.Length] : new bool[words.Length];
        int shared = 0;
        int position = 0;
        while (ContentWords.NextWord(loweredReply, ref position, out int start, out int length))
        {
            var word = loweredReply.Slice(start, length);
            for (int i = 0; i < words.Length; i++)
            {
                if (!seen[i] && word.SequenceEqual(words[i].AsSpan()))
                {
                    seen[i] = true;
                    shared++;
                    break;
                }
            }
        }
        return 4 * shared >= words.Length;
    }

    // Persona messages repeat (they are the persona's says lines): keep the last one's words per thread.
    private static string[] WordsOf(string message)
    {
        if (ReferenceEquals(message, t_lastMessage) && t_lastWords is not null) return t_lastWords;
        var words = ContentWords.Distinct(message);
        t_lastMessage = message;
        t_lastWords = words;
        return words;
    }

    private sealed record Phrase(string Text, bool WordBoundaries);
}

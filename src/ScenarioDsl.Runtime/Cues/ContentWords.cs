namespace ScenarioDsl.Runtime.Cues;

/// <summary>
/// Content words (SPEC 2.2): maximal runs of letters (<see cref="char.IsLetter(char)"/>, per UTF-16 code
/// unit), lower-cased with the invariant culture, at least <see cref="MinLength"/> code units long.
/// </summary>
public static class ContentWords
{
    public const int MinLength = 3;

    /// <summary>The distinct content words of <paramref name="text"/>, in order of first appearance.</summary>
    public static string[] Distinct(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (NextWord(text, ref i, out int start, out int length))
        {
            var word = text.Substring(start, length).ToLowerInvariant();
            if (!words.Contains(word, StringComparer.Ordinal)) words.Add(word);
        }
        return words.ToArray();
    }

    /// <summary>Moves <paramref name="position"/> past the next content word of <paramref name="text"/>.</summary>
    public static bool NextWord(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        int i = position;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i - s >= MinLength)
            {
                position = i;
                start = s;
                length = i - s;
                return true;
            }
        }
        position = i;
        start = 0;
        length = 0;
        return false;
    }
}

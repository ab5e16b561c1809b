using System.Globalization;
using System.Text;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>
/// How wide text shows in the report's SVG labels, estimated generously in pixels of sans-serif without font metrics. Names
/// hold file names, model names, CJK and emoji: a wide character counts as two narrow ones, a combining mark or format
/// character nothing, not one per UTF-16 unit. (The terminal scorecard measures columns with Spectre.Console's rules.)
/// </summary>
internal static class TextWidth
{
    /// <summary>A narrow character, a capital and the like, and a wide character, in em: see <see cref="Pixels"/>.</summary>
    private const double NarrowEm = 0.65, BroadEm = 1, WideEm = 2 * NarrowEm;

    /// <summary>
    /// An upper estimate of the width of <paramref name="text"/> in sans-serif of <paramref name="fontSize"/> px. A narrow
    /// character (ASCII lower case, digits, most punctuation: at most about 0.64 em in common sans-serif fonts) counts 0.65 em;
    /// a capital, m, w, one of <c>#%&amp;+&lt;=&gt;@^~</c> or any other character that is not wide counts 1 em; a wide character
    /// counts as two narrow ones (1.3 em; a CJK glyph is 1 em, a colour emoji about 1.2), and so does any character beyond the
    /// Basic Multilingual Plane (emoji the blocks below do not list); a combining mark or format character counts nothing.
    /// </summary>
    internal static double Pixels(string text, double fontSize)
    {
        double em = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Shows(rune)) continue;
            em += IsWide(rune.Value) || rune.Value > 0xFFFF ? WideEm
                : rune.Value < 0x80 && !char.IsAsciiLetterUpper((char)rune.Value) && "mw#%&+<=>@^~".IndexOf((char)rune.Value) < 0 ? NarrowEm
                : BroadEm;
        }
        return em * fontSize;
    }

    /// <summary>
    /// <paramref name="text"/> when its <see cref="Pixels"/> fit <paramref name="maxPixels"/>; otherwise as many of its first
    /// text elements as fit with an ellipsis after them, so it is never cut inside an emoji or between a letter and its accent.
    /// </summary>
    internal static string Shorten(string text, double maxPixels, double fontSize)
    {
        if (Pixels(text, fontSize) <= maxPixels) return text;
        double budget = maxPixels - Pixels(Ellipsis, fontSize), used = 0;
        var kept = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            string element = elements.GetTextElement();
            used += Pixels(element, fontSize);
            if (used > budget) break;
            kept.Append(element);
        }
        return kept.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// <paramref name="text"/> when it fits; otherwise its first and last text elements around an ellipsis, as many as fit
    /// (the end gets the larger half), for names that share a long beginning and differ at the end, such as model names
    /// (<c>llm:persona-aligned:model-a</c> and <c>…-b</c>), which a cut at the end would make alike.
    /// </summary>
    internal static string ShortenMiddle(string text, double maxPixels, double fontSize)
    {
        if (Pixels(text, fontSize) <= maxPixels) return text;
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext()) elements.Add(enumerator.GetTextElement());
        double budget = maxPixels - Pixels(Ellipsis, fontSize);
        int head = 0, tail = 0;
        double used = 0;
        // Take from the end and the beginning in turn (the end first), while the next one fits.
        while (head + tail < elements.Count)
        {
            bool fromEnd = tail <= head;
            string next = fromEnd ? elements[elements.Count - 1 - tail] : elements[head];
            double width = Pixels(next, fontSize);
            if (used + width > budget) break;
            used += width;
            if (fromEnd) tail++;
            else head++;
        }
        return string.Concat(elements.Take(head)).TrimEnd() + Ellipsis + string.Concat(elements.Skip(elements.Count - tail)).TrimStart();
    }

    private const string Ellipsis = "\u2026";

    private static bool Shows(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control);

    // East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, in blocks), the BMP's emoji blocks (Miscellaneous
    // Technical, Miscellaneous Symbols, Dingbats: some of their characters are narrow, so this over-estimates, as meant) and
    // the emoji planes; Pixels counts everything beyond the BMP as wide anyway.
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2300 and <= 0x23FF or >= 0x2600 and <= 0x27BF or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF or >= 0x20000 and <= 0x3FFFD;
}

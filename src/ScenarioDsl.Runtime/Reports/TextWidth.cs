using System.Globalization;
using System.Text;

namespace ScenarioDsl.Runtime.Reports;

/// <summary>
/// How wide text shows, without font metrics, in terminal columns (the scorecard's padding). Names hold file names, model
/// names, CJK and emoji: a wide character takes two columns, a combining mark or format character none, not one per UTF-16 unit.
/// </summary>
public static class TextWidth
{
    /// <summary>The terminal columns text takes: two for a wide character (CJK, most emoji), none for a combining mark or format character.</summary>
    public static int Columns(string text)
    {
        int columns = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Shows(rune)) continue;
            columns += IsWide(rune.Value) ? 2 : 1;
        }
        return columns;
    }

    private static bool Shows(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control);

    // East Asian Wide and Fullwidth blocks, and the emoji planes (Unicode's EastAsianWidth.txt, in blocks).
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF or >= 0x20000 and <= 0x3FFFD;
}

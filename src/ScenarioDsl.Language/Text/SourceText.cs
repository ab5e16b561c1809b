using System.Text;

namespace ScenarioDsl.Language.Text;

/// <summary>
/// The text of one .emps file with its line map. Lines end at LF, CRLF or a lone CR;
/// columns count UTF-16 code units. A leading byte-order mark is not part of the text.
/// </summary>
public sealed class SourceText : IEquatable<SourceText>
{
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private int[]? _lineStarts;
    private string? _checksum;

    private SourceText(string path, string text, int invalidUtf8ByteOffset = -1, int invalidUtf8Position = -1)
    {
        Path = path;
        Text = text;
        InvalidUtf8ByteOffset = invalidUtf8ByteOffset;
        InvalidUtf8Position = invalidUtf8Position;
    }

    /// <summary>
    /// True when the text was decoded from bytes that are not all valid UTF-8: each invalid sequence
    /// became U+FFFD, which the lexer reports (outside strings as an unexpected character, inside a
    /// string as invalid UTF-8; not inside a comment). The formatter leaves such a text alone
    /// (writing it back would store U+FFFD for the original bytes).
    /// </summary>
    public bool HasInvalidUtf8 => InvalidUtf8ByteOffset >= 0;

    /// <summary>
    /// Where the first byte sequence that is not valid UTF-8 starts in the bytes the text was decoded
    /// from (a byte-order mark counted), or -1 when <see cref="HasInvalidUtf8"/> is false.
    /// </summary>
    public int InvalidUtf8ByteOffset { get; }

    /// <summary>
    /// The position in <see cref="Text"/> of the U+FFFD that the first invalid sequence became (for a
    /// line and column with <see cref="GetLinePosition"/>), or -1 when <see cref="HasInvalidUtf8"/> is false.
    /// </summary>
    public int InvalidUtf8Position { get; }

    /// <summary>The path the text was read from, as the host names it (used in locations).</summary>
    public string Path { get; }

    /// <summary>The whole text, without a byte-order mark.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    /// <summary>
    /// An editor's buffer, every character kept (a leading U+FEFF too, which the lexer reads as whitespace): the
    /// editor's positions and edits then address the same characters. <see cref="From"/> drops a leading byte-order
    /// mark, which is right for a file's content but would put line 0 one column out of step with the editor.
    /// </summary>
    public static SourceText FromEditor(string text, string path = "")
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        return new SourceText(path ?? "", text);
    }

    public static SourceText From(string text, string path = "")
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        return new SourceText(path ?? "", text);
    }

    /// <summary>
    /// Decodes UTF-8 (invalid sequences become U+FFFD, which the lexer reports outside comments; where
    /// the first one was is kept in <see cref="InvalidUtf8ByteOffset"/> and <see cref="InvalidUtf8Position"/>).
    /// </summary>
    public static SourceText FromBytes(byte[] bytes, string path = "")
    {
        if (bytes is null) throw new ArgumentNullException(nameof(bytes));
        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new SourceText(path ?? "", StrictUtf8.GetString(bytes, offset, bytes.Length - offset));
        }
        catch (DecoderFallbackException)
        {
            int bad = FirstInvalidUtf8(bytes, offset);
            if (bad < 0) bad = offset; // cannot happen: the strict decoder and the check agree on what is valid
            // Everything before the first bad sequence is valid, so its decoded length is where that
            // sequence's U+FFFD stands in the leniently decoded text.
            int position = StrictUtf8.GetCharCount(bytes, offset, bad - offset);
            return new SourceText(path ?? "", LenientUtf8.GetString(bytes, offset, bytes.Length - offset), bad, position);
        }
    }

    /// <summary>
    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (the Unicode
    /// standard's table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated
    /// sequence), or -1 when all bytes from <paramref name="start"/> on are valid.
    /// </summary>
    private static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        int i = start;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80) { i++; continue; }
            int continuation;
            byte low = 0x80, high = 0xBF; // the allowed range of the second byte
            if (b >= 0xC2 && b <= 0xDF) continuation = 1;
            else if (b == 0xE0) { continuation = 2; low = 0xA0; }
            else if (b == 0xED) { continuation = 2; high = 0x9F; }
            else if (b >= 0xE1 && b <= 0xEF) continuation = 2;
            else if (b == 0xF0) { continuation = 3; low = 0x90; }
            else if (b >= 0xF1 && b <= 0xF3) continuation = 3;
            else if (b == 0xF4) { continuation = 3; high = 0x8F; }
            else return i;
            if (i + continuation >= bytes.Length) return i;
            if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
            for (int k = 2; k <= continuation; k++)
                if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
            i += continuation + 1;
        }
        return -1;
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    /// <summary>Start offsets of every line; there is always at least one line.</summary>
    public IReadOnlyList<int> LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    public int LineCount => LineStarts.Count;

    public LinePosition GetLinePosition(int position)
    {
        if (position < 0) position = 0;
        if (position > Text.Length) position = Text.Length;
        var starts = (int[])LineStarts;
        int line = Array.BinarySearch(starts, position);
        if (line < 0) line = ~line - 1;
        return new LinePosition(line, position - starts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>
    /// The offset of a 0-based line and UTF-16 column, clamped into the text: a line before the first
    /// is offset 0, one after the last the end of the text, and a column past the end of its line
    /// the end of that line's text, before its line break (as LSP says: it "defaults back to the
    /// line length"), never the next line nor the middle of a CRLF.
    /// </summary>
    public int GetPosition(LinePosition position)
    {
        var starts = (int[])LineStarts;
        if (position.Line < 0) return 0;
        if (position.Line >= starts.Length) return Text.Length;
        var line = GetLineSpan(position.Line);
        return Math.Min(line.Start + Math.Max(0, position.Character), line.End);
    }

    /// <summary>The span of a line's text, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var starts = (int[])LineStarts;
        int start = starts[line];
        int end = line + 1 < starts.Length ? starts[line + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>A stable content checksum (FNV-1a 64 over UTF-16 code units), for caches.</summary>
    public string Checksum => _checksum ??= ComputeChecksum(Text);

    public SourceText WithText(string text) => From(text, Path);

    public bool Equals(SourceText? other) =>
        other is not null && (ReferenceEquals(this, other) || (Path == other.Path && Text == other.Text));

    public override bool Equals(object? obj) => Equals(obj as SourceText);

    public override int GetHashCode() => unchecked(Path.GetHashCode() * 31 + Text.GetHashCode());

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(text.Length / 32 + 1) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }

    private static string ComputeChecksum(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}

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

    private SourceText(string path, string text, bool hasInvalidUtf8 = false)
    {
        Path = path;
        Text = text;
        HasInvalidUtf8 = hasInvalidUtf8;
    }

    /// <summary>
    /// True when the text was decoded from bytes that are not all valid UTF-8: each invalid sequence
    /// became U+FFFD, which the lexer reports (outside strings as an unexpected character, inside a
    /// string as invalid UTF-8).
    /// </summary>
    public bool HasInvalidUtf8 { get; }

    /// <summary>The path the text was read from, as the host names it (used in locations).</summary>
    public string Path { get; }

    /// <summary>The whole text, without a byte-order mark.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    public char this[int index] => Text[index];

    public static SourceText From(string text, string path = "")
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        return new SourceText(path ?? "", text);
    }

    /// <summary>Decodes UTF-8 (invalid sequences become U+FFFD, which the lexer reports).</summary>
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
            return new SourceText(path ?? "", LenientUtf8.GetString(bytes, offset, bytes.Length - offset), hasInvalidUtf8: true);
        }
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

    /// <summary>The offset of a 0-based line and UTF-16 column, clamped into the text.</summary>
    public int GetPosition(LinePosition position)
    {
        var starts = (int[])LineStarts;
        if (position.Line < 0) return 0;
        if (position.Line >= starts.Length) return Text.Length;
        int lineStart = starts[position.Line];
        int lineEnd = position.Line + 1 < starts.Length ? starts[position.Line + 1] : Text.Length;
        return Math.Min(lineStart + Math.Max(0, position.Character), lineEnd);
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

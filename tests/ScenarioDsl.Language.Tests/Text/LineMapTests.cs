using CsCheck;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Text;

/// <summary>The line map against a naive one: LF, CRLF and lone CR end lines; columns are UTF-16 units.</summary>
public class LineMapTests
{
    private static readonly string[] Pieces = { "a", " ", "\r", "\n", "\r\n", "\U0001F61F", "é" };

    private static readonly Gen<string> Texts =
        Gen.Int[0, Pieces.Length - 1].Array[0, 16].Select(p => string.Concat(p.Select(i => Pieces[i])));

    /// <summary>Each line's text without its line break (the naive reading).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\r' && text[i] != '\n') continue;
            lines.Add(text.Substring(start, i - start));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        lines.Add(text.Substring(start));
        return lines;
    }

    [Fact]
    public void Positions_and_line_positions_agree_with_a_naive_line_map()
    {
        Texts.Sample(text =>
        {
            var source = SourceText.From(text);
            var lines = Lines(text);
            Assert.Equal(lines.Count, source.LineCount);
            int lineStart = 0;
            for (int line = 0; line < lines.Count; line++)
            {
                lineStart = source.LineStarts[line];
                Assert.Equal(lines[line], source.ToString(source.GetLineSpan(line)));
                // A character past the line's length means the end of the line, before its line break
                // (LSP: "defaults back to the line length"), never the next line nor inside a CRLF.
                for (int character = 0; character <= lines[line].Length + 3; character++)
                {
                    int position = source.GetPosition(new LinePosition(line, character));
                    Assert.Equal(lineStart + Math.Min(character, lines[line].Length), position);
                    if (character <= lines[line].Length)
                        Assert.Equal(new LinePosition(line, character), source.GetLinePosition(position));
                }
            }
        }, iter: 5_000, threads: 1);
    }

    [Theory]
    // Past the end of a line: the end of its text, before the line break.
    [InlineData("ab\r\ncd", 0, 3, 2)]
    [InlineData("ab\r\ncd", 0, 99, 2)]
    [InlineData("ab\ncd", 0, 3, 2)]
    [InlineData("ab\rcd", 0, 9, 2)]
    [InlineData("ab\r\ncd", 1, 99, 6)]
    [InlineData("ab\r\ncd", 9, 0, 6)]
    public void A_character_past_the_end_of_a_line_is_the_end_of_that_line(string text, int line, int character, int expected) =>
        Assert.Equal(expected, SourceText.From(text).GetPosition(new LinePosition(line, character)));
}

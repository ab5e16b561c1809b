using System.Text;

namespace ScenarioDsl.Generators.Emitter;

/// <summary>A small indented text writer for generated C# (four spaces, LF line ends).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
    }

    /// <summary>A preprocessor directive, always in column 1.</summary>
    public void Directive(string text) => _builder.Append(text).Append('\n');

    public void Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>An XML doc <c>&lt;summary&gt;</c> of already escaped XML (one line).</summary>
    public void Summary(string xml)
    {
        Line("/// <summary>");
        Line("/// " + xml);
        Line("/// </summary>");
    }

    public override string ToString() => _builder.ToString();
}

using System.Globalization;
using System.Text;

namespace ScenarioDsl.Generators.Emitter;

/// <summary>How user text becomes C#: string literals, double literals, XML doc text, #line file names.</summary>
internal static class CSharpText
{
    /// <summary>
    /// A regular C# string literal. Printable ASCII stays as is; quotes, backslashes, every control
    /// character and every non-ASCII code unit (line separators, emoji halves, lone surrogates) become
    /// escapes, so the literal is the same UTF-16 string on any encoding and never ends a line.
    /// </summary>
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>A string literal, or <c>null</c>.</summary>
    public static string NullableString(string? value) => value is null ? "null" : String(value);

    /// <summary>
    /// A double literal that parses back to the same bits: the shortest round-trip form, checked, else
    /// 17 significant digits; -0 keeps its sign; non-finite values use the double constants.
    /// </summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        if (value == 0) return BitConverter.DoubleToInt64Bits(value) == 0 ? "0d" : "-0d";
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!RoundTrips(text, value)) text = value.ToString("G17", CultureInfo.InvariantCulture);
        return text + "d";
    }

    private static bool RoundTrips(string text, double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
        && BitConverter.DoubleToInt64Bits(parsed) == BitConverter.DoubleToInt64Bits(value);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Lines of XML doc text: &amp; &lt; &gt; escaped; split at every character C# ends a line at
    /// (CR, LF, U+0085, U+2028, U+2029); other control characters and lone surrogates replaced.
    /// </summary>
    public static IEnumerable<string> DocLines(string text)
    {
        var sb = new StringBuilder();
        var lines = new List<string>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\r':
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    lines.Add(sb.ToString());
                    sb.Clear();
                    break;
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (c < 0x20 && c != '\t') || c == '\uFFFE' || c == '\uFFFF' || (c >= 0x7F && c <= 0x9F))
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        lines.Add(sb.ToString());
        return lines.Select(l => l.TrimEnd());
    }

    /// <summary>The file name of a <c>#line</c> directive, or null when the path cannot be written there.</summary>
    public static string? LineFileName(string path)
    {
        if (path.Length == 0) return null;
        foreach (char c in path)
            if (c == '"' || c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c)) return null;
        return "\"" + path + "\"";
    }

    /// <summary>A namespace name from MSBuild: each part made a valid identifier, empty for the global namespace.</summary>
    public static string Namespace(string? value)
    {
        if (value is null) return "";
        var parts = value.Split('.').Select(p => p.Trim()).Where(p => p.Length > 0).Select(Identifier).ToArray();
        return string.Join(".", parts);
    }

    private static string Identifier(string part)
    {
        var sb = new StringBuilder(part.Length + 1);
        foreach (char c in part) sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        string id = sb.ToString();
        return Keywords.Contains(id) ? "@" + id : id;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };
}

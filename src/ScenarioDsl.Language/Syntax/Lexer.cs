using System.Globalization;
using System.Text;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// The hand-written lexer: one pass over the text, producing tokens with leading and trailing
/// trivia and exact offsets. It never fails: bad characters become skipped-text trivia with an
/// EMPS0001, unterminated strings and comments an EMPS0003, bad numbers an EMPS0002.
/// </summary>
public sealed class Lexer
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Scratch _scratch;
    private TriviaData[] _trivia;
    private int _triviaCount;
    private Dictionary<int, int>? _longTrailing;
    private Dictionary<int, int>? _longTriviaWidths;
    private readonly StringInterner _strings;
    private readonly List<double> _numbers;
    private readonly Dictionary<int, int> _numberByText;
    private readonly StringInterner _numberTexts;
    private readonly List<Literal> _literals;
    private readonly Dictionary<long, int> _literalIndex;
    private readonly StringBuilder _builder;
    private int _pos;

    // The growing buffers and tables are reused per thread: a file's table gets exact-size copies,
    // so lexing allocates little beyond what the tree keeps (a fresh interner and its tables per
    // file were about 3 MB of the corpus's 28 MB). Buffers grown past ScratchLimit are not kept.
    private const int ScratchLimit = 1 << 16;
    [ThreadStatic] private static Scratch? s_scratch;

    private sealed class Scratch
    {
        public TokenData[] Tokens = new TokenData[256];
        public TriviaData[] Trivia = new TriviaData[256];
        public readonly StringInterner Strings = new();
        public readonly List<double> Numbers = new();
        public readonly Dictionary<int, int> NumberByText = new();
        public readonly StringInterner NumberTexts = new();
        public readonly List<Literal> Literals = new();
        public readonly Dictionary<long, int> LiteralIndex = new();
        public readonly StringBuilder Builder = new();

        public bool Small => Tokens.Length <= ScratchLimit && Trivia.Length <= ScratchLimit
            && Strings.Capacity <= ScratchLimit && Numbers.Capacity <= ScratchLimit && Builder.Capacity <= ScratchLimit
            && NumberTexts.Capacity <= ScratchLimit && Literals.Capacity <= ScratchLimit;

        public void Clear()
        {
            Strings.Clear();
            Numbers.Clear();
            NumberByText.Clear();
            NumberTexts.Clear();
            Literals.Clear();
            LiteralIndex.Clear();
            Builder.Clear();
        }
    }

    private Lexer(SourceText source, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
        // Taken, not shared: a lexer that re-entered on the same thread would make its own.
        _scratch = s_scratch ?? new Scratch();
        s_scratch = null;
        _trivia = _scratch.Trivia;
        _strings = _scratch.Strings;
        _numbers = _scratch.Numbers;
        _numberByText = _scratch.NumberByText;
        _numberTexts = _scratch.NumberTexts;
        _literals = _scratch.Literals;
        _literalIndex = _scratch.LiteralIndex;
        _builder = _scratch.Builder;
    }

    private void Release(TokenData[] tokens)
    {
        _scratch.Tokens = tokens;
        _scratch.Trivia = _trivia;
        if (!_scratch.Small) return;
        _scratch.Clear();
        s_scratch = _scratch;
    }

    private void AddTrivia(SyntaxKind kind, TextSpan span)
    {
        if (_triviaCount == _trivia.Length) Array.Resize(ref _trivia, _trivia.Length * 2);
        ref var trivia = ref _trivia[_triviaCount];
        trivia.Start = span.Start;
        trivia.Kind = kind;
        trivia.Width = Narrow(span.Length, _triviaCount, ref _longTriviaWidths);
        _triviaCount++;
    }

    // A record keeps 16 bits of a count or width; a larger one (a megabyte-long comment, a line of
    // thousands of comments) is kept aside by index, behind the ushort.MaxValue mark.
    private static ushort Narrow(int value, int index, ref Dictionary<int, int>? aside)
    {
        if (value < ushort.MaxValue) return (ushort)value;
        (aside ??= new Dictionary<int, int>())[index] = value;
        return ushort.MaxValue;
    }

    /// <summary>Lexes a whole text; the last token is always <see cref="SyntaxKind.EndOfFile"/>.</summary>
    public static SyntaxTokenList Lex(SourceText source, List<Diagnostic> diagnostics)
    {
        var table = LexTable(source, diagnostics);
        return new SyntaxTokenList(table, table.Count);
    }

    internal static TokenTable LexTable(SourceText source, List<Diagnostic> diagnostics)
    {
        var lexer = new Lexer(source, diagnostics);
        var tokens = lexer._scratch.Tokens;
        int count = 0;
        bool firstOnLine = true;
        while (true)
        {
            int triviaStart = lexer._triviaCount;
            lexer.ReadTrivia(leading: true, ref firstOnLine);
            int start = lexer._pos;
            if (count == tokens.Length) Array.Resize(ref tokens, tokens.Length * 2);
            ref var token = ref tokens[count++];
            token = default; // the buffer is reused: no field may keep a previous file's value
            token.Start = start;
            token.TriviaStart = triviaStart; // the leading count follows from the next token's
            token.Flags = firstOnLine ? TokenFlags.FirstOnLine : TokenFlags.None;
            if (start >= lexer._text.Length)
            {
                token.Kind = SyntaxKind.EndOfFile;
                token.Data = TokenTable.EmptyString;
                break;
            }

            token.Kind = lexer.ScanToken(out int value);
            token.Data = token.Kind is SyntaxKind.Number or SyntaxKind.String
                ? lexer.Literal(token.Kind, value, lexer._pos - start)
                : lexer._strings.Intern(lexer._text, start, lexer._pos - start);
            firstOnLine = false;
            token.TrailingCount = Narrow(lexer.ReadTrivia(leading: false, ref firstOnLine), count - 1, ref lexer._longTrailing);
        }
        var table = new TokenTable(lexer._text, Copy(tokens, count), count, lexer._strings.ToArray(), lexer._numbers.ToArray(),
            lexer._literals.ToArray(), Copy(lexer._trivia, lexer._triviaCount), lexer._longTrailing, lexer._longTriviaWidths);
        lexer.Release(tokens);
        return table;
    }

    // One entry per distinct (kind, value, width): a file's equal literals share it.
    private int Literal(SyntaxKind kind, int value, int width)
    {
        long key = ((long)value << 33) | (kind == SyntaxKind.String ? 1L << 32 : 0) | (uint)width;
        if (!_literalIndex.TryGetValue(key, out int index))
        {
            index = _literals.Count;
            _literals.Add(new Literal { Value = value, Width = width });
            _literalIndex[key] = index;
        }
        return index;
    }

    private static T[] Copy<T>(T[] items, int count)
    {
        if (count == 0) return Array.Empty<T>();
        var result = new T[count];
        Array.Copy(items, result, count);
        return result;
    }

    private char Peek(int offset = 0)
    {
        int i = _pos + offset;
        return i < _text.Length ? _text[i] : '\0';
    }

    private bool AtEnd(int offset = 0) => _pos + offset >= _text.Length;

    /// <summary>Reads trivia into the file's trivia list; returns how many items were read.</summary>
    private int ReadTrivia(bool leading, ref bool firstOnLine)
    {
        int first = _triviaCount;
        while (!AtEnd())
        {
            int start = _pos;
            char c = _text[_pos];
            if (c == '\r' || c == '\n')
            {
                _pos += c == '\r' && Peek(1) == '\n' ? 2 : 1;
                AddTrivia(SyntaxKind.EndOfLine, TextSpan.FromBounds(start, _pos));
                firstOnLine = true;
                if (!leading) break;
            }
            else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\u00A0' || c == '\uFEFF'
                     || (c > 127 && char.IsWhiteSpace(c) && c != '\u2028' && c != '\u2029'))
            {
                while (!AtEnd() && IsInlineWhitespace(_text[_pos])) _pos++;
                AddTrivia(SyntaxKind.Whitespace, TextSpan.FromBounds(start, _pos));
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (!AtEnd() && _text[_pos] != '\r' && _text[_pos] != '\n') _pos++;
                AddTrivia(SyntaxKind.LineComment, TextSpan.FromBounds(start, _pos));
            }
            else if (c == '/' && Peek(1) == '*')
            {
                int end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    _pos = _text.Length;
                    Report(DiagnosticCatalogue.Unterminated, new TextSpan(start, 2), "unterminated comment: '/*' has no closing '*/'");
                }
                else
                {
                    _pos = end + 2;
                }
                AddTrivia(SyntaxKind.BlockComment, TextSpan.FromBounds(start, _pos));
            }
            else if (c == '#' || (c == '-' && Peek(1) == '-'))
            {
                // A comment as another language writes it (# in Python and shells, -- in SQL and Lua): the rest of the
                // line is what was meant as the comment, so it is skipped and reported once.
                while (!AtEnd() && _text[_pos] != '\r' && _text[_pos] != '\n') _pos++;
                var span = TextSpan.FromBounds(start, _pos);
                Report(DiagnosticCatalogue.SyntaxError, span, $"'{(c == '#' ? "#" : "--")}' does not start a comment; write '//' (or '/* ... */')");
                AddTrivia(SyntaxKind.SkippedText, span);
            }
            else if (c == '*' && Peek(1) == '/')
            {
                // A '*/' outside a comment: most often the end of a comment nested in another, which the first '*/' closed.
                _pos += 2;
                var span = TextSpan.FromBounds(start, _pos);
                Report(DiagnosticCatalogue.SyntaxError, span, "'*/' closes no comment: block comments do not nest, so the comment ended at the '*/' before this one");
                AddTrivia(SyntaxKind.SkippedText, span);
            }
            else if (IsTokenStart(c))
            {
                break;
            }
            else
            {
                // Characters no token can start with: skip the run, report it once (with what to write instead when
                // the run is a habit of another language: '=', '==', '&&', ';', '%', a quote with no closing one).
                _pos++;
                if (char.IsHighSurrogate(c) && !AtEnd() && char.IsLowSurrogate(_text[_pos])) _pos++;
                while (!AtEnd() && IsSkipped(_text[_pos])) _pos++;
                var span = TextSpan.FromBounds(start, _pos);
                Report(DiagnosticCatalogue.SyntaxError, span, "unexpected character " + DescribeChars(_text.Substring(start, Math.Min(span.Length, 8)))
                    + SkippedHint(start, _text.Substring(start, span.Length)));
                AddTrivia(SyntaxKind.SkippedText, span);
            }

            if (!leading && firstOnLine) break;
        }
        return _triviaCount - first;
    }

    private static bool IsInlineWhitespace(char c) =>
        c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\u00A0' || c == '\uFEFF'
        || (c > 127 && char.IsWhiteSpace(c) && c != '\u2028' && c != '\u2029');

    private bool IsTokenStart(char c)
    {
        switch (c)
        {
            case '{': case '}': case '[': case ']': case ',': case ':': case '<': case '>': case '"':
                return true;
            case '=':
                return Peek(1) == '>';
            case '+':
                return Peek(1) == '=' || IsDigit(Peek(1)) || (Peek(1) == '.' && IsDigit(Peek(2))) || NonFiniteNameLength(_pos + 1) > 0;
            case '-':
                return true;
            case '.':
                // '..', or a number written without its leading 0 ('.5', reported by ScanNumber); a third dot ('1...3') is not.
                return Peek(1) == '.' || (IsDigit(Peek(1)) && (_pos == 0 || _text[_pos - 1] != '.'));
            default:
                return SyntaxFacts.IsIdentifierStart(c) || IsDigit(c) || IsOtherLetter(c) || (IsOtherQuote(c) && OtherQuoteEnd(_pos) > 0);
        }
    }

    private bool IsSkipped(char c)
    {
        if (c == '\r' || c == '\n' || c == '/' || IsInlineWhitespace(c)) return false;
        return !IsTokenStart(c);
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>Scans one token; <paramref name="value"/> is a number's or a string's index in the value tables, else -1.</summary>
    private SyntaxKind ScanToken(out int value)
    {
        value = -1;
        char c = _text[_pos];
        switch (c)
        {
            case '{': _pos++; return SyntaxKind.OpenBrace;
            case '}': _pos++; return SyntaxKind.CloseBrace;
            case '[': _pos++; return SyntaxKind.OpenBracket;
            case ']': _pos++; return SyntaxKind.CloseBracket;
            case ',': _pos++; return SyntaxKind.Comma;
            case ':': _pos++; return SyntaxKind.Colon;
            case '=': _pos += 2; return SyntaxKind.Arrow;
            case '<':
                if (Peek(1) == '=') { _pos += 2; return SyntaxKind.LessEqual; }
                _pos++; return SyntaxKind.Less;
            case '>':
                if (Peek(1) == '=') { _pos += 2; return SyntaxKind.GreaterEqual; }
                _pos++; return SyntaxKind.Greater;
            case '.':
                if (Peek(1) == '.') { _pos += 2; return SyntaxKind.DotDot; }
                return ScanNumber(out value);
            case '"': return ScanString(out value);
            case '+':
                if (Peek(1) == '=') { _pos += 2; return SyntaxKind.PlusEquals; }
                if (NonFiniteNameLength(_pos + 1) is int plusName and > 0) return ScanSignedNonFinite(plusName, out value);
                return ScanNumber(out value);
            case '-':
                if (Peek(1) == '=') { _pos += 2; return SyntaxKind.MinusEquals; }
                if (IsDigit(Peek(1)) || (Peek(1) == '.' && IsDigit(Peek(2)))) return ScanNumber(out value);
                if (NonFiniteNameLength(_pos + 1) is int minusName and > 0) return ScanSignedNonFinite(minusName, out value);
                _pos++; return SyntaxKind.Minus;
        }

        if (IsDigit(c)) return ScanNumber(out value);
        if (IsOtherQuote(c)) return ScanOtherQuotedString(out value);

        // A name. Letters outside ASCII ('Zoë', 'élan') are read as part of it and reported once, so the name stays whole
        // (declared and used as 'Zoë', not as 'Zo' and a stray 'ë').
        int nameStart = _pos;
        int otherStart = -1, otherEnd = -1;
        while (!AtEnd())
        {
            char ch = _text[_pos];
            if (SyntaxFacts.IsIdentifierPart(ch)) { _pos++; continue; }
            if (!IsOtherLetter(ch) && !(_pos > nameStart && IsOtherNamePart(ch))) break;
            if (otherStart < 0) otherStart = _pos;
            if (otherEnd < 0 || otherEnd == _pos) otherEnd = _pos + 1;
            _pos++;
        }
        if (otherStart >= 0)
        {
            string name = _pos - nameStart > 40 ? _text.Substring(nameStart, 37) + "..." : _text.Substring(nameStart, _pos - nameStart);
            Report(DiagnosticCatalogue.SyntaxError, TextSpan.FromBounds(otherStart, otherEnd),
                $"unexpected character {DescribeChars(_text.Substring(otherStart, Math.Min(otherEnd - otherStart, 8)))} in the name '{name}'; names are made of ASCII letters, digits and '_'");
        }
        return SyntaxKind.Identifier;
    }

    /// <summary>A letter outside ASCII: not part of a name, but read as one so that the name stays whole (see <see cref="ScanToken"/>).</summary>
    private static bool IsOtherLetter(char c) => c > 127 && char.IsLetter(c);

    /// <summary>After the first character of a name: other letters, digits and combining marks (an accent written as its own character).</summary>
    private static bool IsOtherNamePart(char c) =>
        c > 127 && (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);

    /// <summary>Quotation marks other than the straight double quote: typographic ones (a word processor's), single quotes, guillemets.</summary>
    private static bool IsOtherQuote(char c) => OtherQuoteClosers(c) is not null;

    private static string? OtherQuoteClosers(char c) => c switch
    {
        '\u201C' => "\u201D\u201C",     // “ ... ” (or “ ... “)
        '\u201D' => "\u201D",           // ” ... ” (Swedish)
        '\u201E' => "\u201C\u201D",     // „ ... “ (German) or „ ... ”
        '\u2018' => "\u2019\u2018",     // ‘ ... ’
        '\u201A' => "\u2018\u2019",     // ‚ ... ‘
        '\'' => "'",
        '`' => "`'",
        '\u00AB' => "\u00BB",           // « ... »
        '\u00BB' => "\u00AB",           // » ... «
        '\u2039' => "\u203A",           // ‹ ... ›
        '\u203A' => "\u2039",
        '\uFF02' => "\uFF02",           // fullwidth ＂ ... ＂
        _ => null,
    };

    // Per opening quotation mark, the end of the line that a search for its closing mark has found none before: a line of
    // thousands of '«' without a '»' is searched once, not once per '«' (which was quadratic).
    private Dictionary<char, int>? _noCloserBefore;

    /// <summary>The position just after the quotation mark that closes the one at <paramref name="at"/> on its line; -1 when none does.</summary>
    private int OtherQuoteEnd(int at)
    {
        char open = _text[at];
        if (_noCloserBefore is not null && _noCloserBefore.TryGetValue(open, out int failedUntil) && at < failedUntil) return -1;
        string closers = OtherQuoteClosers(open)!;
        int i = at + 1;
        for (; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\r' || c == '\n') break;
            if (closers.IndexOf(c) >= 0) return i + 1;
        }
        (_noCloserBefore ??= new Dictionary<char, int>())[open] = i;
        return -1;
    }

    /// <summary>
    /// A string between other quotation marks (<c>“Hello.”</c>, <c>'Hello.'</c>): one string token whose value is the text
    /// between them (no escapes), and one error saying how strings are written, so the rest of the line parses as meant.
    /// </summary>
    private SyntaxKind ScanOtherQuotedString(out int value)
    {
        int start = _pos, end = OtherQuoteEnd(_pos);
        _pos = end;
        string content = _text.Substring(start + 1, end - start - 2);
        value = _strings.Intern(content);
        string shown = content.Length > 40 ? content.Substring(0, 37) + "..." : content;
        Report(DiagnosticCatalogue.SyntaxError, TextSpan.FromBounds(start, end), $"strings are written between straight double quotes: \"{shown}\"");
        return SyntaxKind.String;
    }

    /// <summary>
    /// What to write instead of a skipped run of characters that another language would accept, as "; ..." (or "").
    /// </summary>
    private string SkippedHint(int start, string run)
    {
        switch (run.TrimEnd())
        {
            case "=": return "; a rule's arrow is '=>', an effect is 'dim += number' or 'dim -= number'";
            case "+": return "; an effect is written 'dim += number' or 'dim -= number'";
            case "&&": case "&": return "; conditions are joined with 'and'";
            case "||": case "|": return "; a rule has no 'or': write one rule for each alternative";
            case "==": case "!=": case "!": case "=<": return "; a condition compares with <, <=, > or >=";
            case ";": return "; no ';' is needed: a member ends at the next member";
            case "%":
            {
                // "5%": the number just before it, as a fraction.
                int digits = start;
                while (digits > 0 && (IsDigit(_text[digits - 1]) || _text[digits - 1] == '.')) digits--;
                if (digits < start && decimal.TryParse(_text.Substring(digits, start - digits), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
                    return $"; write a fraction: {_text.Substring(digits, start - digits)}% is {(percent / 100m).ToString(CultureInfo.InvariantCulture)}";
                return "; write a fraction: 50% is 0.5";
            }
            case ".":
                if (start >= 2 && _text[start - 1] == '.' && _text[start - 2] == '.') return "; a range is written with two dots: '1..5'";
                return "";
        }
        if (run.Trim().Length > 0 && run.Trim().All(ch => ch is '(' or ')')) return "; conditions and effects take no parentheses";
        if (IsOtherQuote(run[0])) return "; strings are written between straight double quotes (\"...\") on one line";
        return "";
    }

    /// <summary>
    /// The length of <c>NaN</c>, <c>Infinity</c> or <c>inf</c> (any case, as the grammar's non-finite names) written
    /// as a whole word at <paramref name="at"/>, else 0.
    /// </summary>
    private int NonFiniteNameLength(int at)
    {
        foreach (string name in NonFiniteNames)
        {
            int end = at + name.Length;
            if (end <= _text.Length && string.Compare(_text, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == _text.Length || !SyntaxFacts.IsIdentifierPart(_text[end])))
                return name.Length;
        }
        return 0;
    }

    private static readonly string[] NonFiniteNames = { "Infinity", "NaN", "inf" };

    /// <summary>
    /// A sign before a non-finite name (<c>-Infinity</c>, <c>+NaN</c>): one number token whose value is NaN, reported
    /// as EMPS0002 like <c>Infinity</c> and like the numbers outside double's range, which the binder does not check.
    /// </summary>
    private SyntaxKind ScanSignedNonFinite(int nameLength, out int value)
    {
        int start = _pos;
        _pos += 1 + nameLength;
        int textIndex = _numberTexts.Intern(_text, start, _pos - start);
        string text = _numberTexts[textIndex];
        if (!_numberByText.TryGetValue(textIndex, out value))
        {
            value = _numbers.Count;
            _numberByText[textIndex] = value;
            _numbers.Add(double.NaN);
        }
        Report(DiagnosticCatalogue.InvalidNumber, TextSpan.FromBounds(start, _pos), $"invalid number '{text}': numbers must be finite");
        return SyntaxKind.Number;
    }

    private SyntaxKind ScanNumber(out int value)
    {
        int start = _pos;
        if (_text[_pos] == '+' || _text[_pos] == '-') _pos++;
        int integerStart = _pos;
        while (IsDigit(Peek())) _pos++;
        // '.5' (decided: a number needs a digit before its point, so that '1..5' is a range): read as 0.5 and reported,
        // rather than as a stray '.' and the number 5, which gave follow-on messages about an effect of 5.
        bool noIntegerPart = _pos == integerStart;
        if (Peek() == '.' && IsDigit(Peek(1)))
        {
            _pos++;
            while (IsDigit(Peek())) _pos++;
        }

        bool badExponent = false;
        if (Peek() == 'e' || Peek() == 'E')
        {
            int save = _pos;
            _pos++;
            if (Peek() == '+' || Peek() == '-') _pos++;
            if (IsDigit(Peek()))
            {
                while (IsDigit(Peek())) _pos++;
            }
            else if (SyntaxFacts.IsIdentifierPart(Peek()) && Peek() != 'e' && Peek() != 'E')
            {
                _pos = save; // "2end": a number followed by a name; the parser reports it
            }
            else
            {
                badExponent = true;
            }
        }

        // Number texts repeat within a file: each distinct text is parsed once (the texts are not kept).
        int textIndex = _numberTexts.Intern(_text, start, _pos - start);
        string text = _numberTexts[textIndex];
        var span = TextSpan.FromBounds(start, _pos);
        if (noIntegerPart)
            Report(DiagnosticCatalogue.SyntaxError, span, $"a number needs a digit before its point: write '{text.Insert(integerStart - start, "0")}'");
        if (_numberByText.TryGetValue(textIndex, out value))
        {
            // An invalid number (NaN: nothing else parses to it) is reported wherever it is written, not only the first time.
            if (double.IsNaN(_numbers[value]))
                Report(DiagnosticCatalogue.InvalidNumber, span, badExponent
                    ? $"invalid number '{text}': the exponent has no digits"
                    : $"invalid number '{text}': outside the range of a double");
            return SyntaxKind.Number;
        }
        value = _numbers.Count;
        _numberByText[textIndex] = value;
        if (badExponent)
        {
            Report(DiagnosticCatalogue.InvalidNumber, span, $"invalid number '{text}': the exponent has no digits");
            _numbers.Add(double.NaN); // reported here; the binder skips checks on NaN values
            return SyntaxKind.Number;
        }

        double parsed = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(parsed) || double.IsNaN(parsed))
        {
            Report(DiagnosticCatalogue.InvalidNumber, span, $"invalid number '{text}': outside the range of a double");
            parsed = double.NaN; // reported here; the binder skips checks on NaN values
        }
        _numbers.Add(parsed);
        return SyntaxKind.Number;
    }

    private SyntaxKind ScanString(out int value)
    {
        int start = _pos;
        _pos++; // opening quote
        _builder.Clear();
        bool terminated = false, escaped = false, invalidUtf8Reported = false;
        while (!AtEnd())
        {
            char c = _text[_pos];
            if (c == '"') { _pos++; terminated = true; break; }
            if (c == '\r' || c == '\n') break;
            if (c == '\\')
            {
                escaped = true;
                int escStart = _pos;
                char n = Peek(1);
                switch (n)
                {
                    case '"': _builder.Append('"'); _pos += 2; continue;
                    case '\\': _builder.Append('\\'); _pos += 2; continue;
                    case 'n': _builder.Append('\n'); _pos += 2; continue;
                    case 't': _builder.Append('\t'); _pos += 2; continue;
                    case 'u':
                        if (TryHex4(_pos + 2, out char ch))
                        {
                            _builder.Append(ch);
                            _pos += 6;
                            continue;
                        }
                        _pos += 2;
                        Report(DiagnosticCatalogue.SyntaxError, TextSpan.FromBounds(escStart, _pos), "invalid escape sequence: '\\u' must be followed by four hex digits");
                        continue;
                    case '\r': case '\n': case '\0' when AtEnd(1):
                        _pos++;
                        Report(DiagnosticCatalogue.SyntaxError, new TextSpan(escStart, 1), "invalid escape sequence: '\\' at the end of the line");
                        continue;
                    default:
                        _pos += char.IsHighSurrogate(n) && _pos + 2 < _text.Length ? 3 : 2;
                        Report(DiagnosticCatalogue.SyntaxError, TextSpan.FromBounds(escStart, _pos),
                            $"invalid escape sequence '{_text.Substring(escStart, _pos - escStart)}' (use \\\" \\\\ \\n \\t or \\uXXXX)");
                        continue;
                }
            }
            if (c == '\uFFFD' && _source.HasInvalidUtf8 && !invalidUtf8Reported)
            {
                invalidUtf8Reported = true; // once per string: the value keeps U+FFFD
                Report(DiagnosticCatalogue.SyntaxError, new TextSpan(_pos, 1), "invalid UTF-8 in a string: these bytes are not valid UTF-8 (read as U+FFFD); save the file as UTF-8");
            }
            _builder.Append(c);
            _pos++;
        }

        // Without escapes the value is the source between the quotes: interned without copying.
        int contentEnd = terminated ? _pos - 1 : _pos;
        value = escaped ? _strings.Intern(_builder.ToString()) : _strings.Intern(_text, start + 1, contentEnd - start - 1);
        if (!terminated)
        {
            Report(DiagnosticCatalogue.Unterminated, TextSpan.FromBounds(start, _pos), "unterminated string: a string must close with '\"' on the same line");
        }
        return SyntaxKind.String;
    }

    private bool TryHex4(int at, out char result)
    {
        result = '\0';
        if (at + 4 > _text.Length) return false;
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            char h = _text[at + i];
            int d = h >= '0' && h <= '9' ? h - '0'
                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) return false;
            v = v * 16 + d;
        }
        result = (char)v;
        return true;
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, string message) =>
        _diagnostics.Add(DiagnosticCatalogue.Create(descriptor, _source, span, message));

    internal static string DescribeChars(string s)
    {
        var sb = new StringBuilder("'");
        foreach (char c in s)
        {
            if (c < 0x20 || c == 0x7F || c == '\uFFFD' || (c >= 0xD800 && c <= 0xDFFF && s.Length == 1))
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        return sb.Append('\'').ToString();
    }
}

using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// A token with its trivia: a handle to one entry of its file's token table (see
/// <see cref="TokenTable"/>), so tokens cost no objects of their own. Leading trivia is everything
/// between the previous token's trailing trivia and this token; trailing trivia runs to the end of
/// the line (the line break included). Concatenating every token's full text gives back the source
/// exactly. Two handles are equal when they denote the same token of the same parse.
/// </summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    private readonly TokenTable _table;
    private readonly int _index;

    internal SyntaxToken(TokenTable table, int index)
    {
        _table = table;
        _index = index;
    }

    private ref readonly TokenData Data => ref _table.Tokens[_index];

    public SyntaxKind Kind => Data.Kind;

    /// <summary>The token's own characters, without trivia.</summary>
    public TextSpan Span => _table.Span(_index);

    /// <summary>The token's own characters (interned for names, keywords and punctuation; read from the source for literals).</summary>
    public string Text => _table.Text(_index);

    /// <summary>A number's value (double) or a string's decoded value; null otherwise.</summary>
    public object? Value => Kind switch
    {
        SyntaxKind.Number => NumberValue,
        SyntaxKind.String => StringValue,
        _ => null,
    };

    public SyntaxTriviaList LeadingTrivia
    {
        get
        {
            int count = _table.LeadingCount(_index);
            return count == 0 ? default : new SyntaxTriviaList(_table, Data.TriviaStart, count);
        }
    }

    public SyntaxTriviaList TrailingTrivia
    {
        get
        {
            int count = _table.TrailingCount(_index);
            return count == 0 ? default : new SyntaxTriviaList(_table, Data.TriviaStart + _table.LeadingCount(_index), count);
        }
    }

    /// <summary>True for the first token on its line (or in the file).</summary>
    public bool IsFirstOnLine => (Data.Flags & TokenFlags.FirstOnLine) != 0;

    /// <summary>True for a token the parser expected but did not find (zero width).</summary>
    public bool IsMissing => (Data.Flags & TokenFlags.Missing) != 0;

    public TextSpan FullSpan
    {
        get
        {
            ref readonly var d = ref Data;
            int leading = _table.LeadingCount(_index), trailing = _table.TrailingCount(_index);
            int start = leading > 0 ? _table.Trivia[d.TriviaStart].Start : d.Start;
            int end = trailing > 0 ? _table.GetTrivia(d.TriviaStart + leading + trailing - 1).Span.End : d.Start + _table.Width(_index);
            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>A number's value; NaN for other tokens and for numbers the lexer reported as invalid.</summary>
    public double NumberValue => _table.NumberValue(_index);

    /// <summary>A string's decoded value; empty for other tokens.</summary>
    public string StringValue => _table.StringValue(_index);

    public bool IsKeyword(string keyword)
    {
        ref readonly var d = ref Data;
        return d.Kind == SyntaxKind.Identifier && _table.Strings[d.Data] == keyword;
    }

    /// <summary>The token's position in its file's token table (missing tokens come after the end-of-file token).</summary>
    internal int Index => _index;

    internal TokenTable Table => _table;

    public bool Equals(SyntaxToken other) => ReferenceEquals(_table, other._table) && _index == other._index;

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => _index;

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);

    public override string ToString() => _table is null ? "" : Text;
}

using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// The tokens of one file in a few flat arrays: one <see cref="TokenData"/> per token (no object
/// references, so the collector never traces them), the file's distinct names and string values,
/// its numbers, its literals and its trivia (8 bytes an item). A <see cref="SyntaxToken"/> is a (table, index) handle into it, so a
/// parsed file holds a handful of large arrays instead of a graph of small objects. Filled by the
/// lexer, extended with the missing tokens the parser inserts, then never changed.
/// </summary>
internal sealed class TokenTable
{
    // Tokens and Count grow when the parser appends a missing token; the rest is fixed by the lexer.
    public TokenData[] Tokens;
    public int Count;

    /// <summary>The lexed tokens (the end-of-file token last); missing tokens come after them.</summary>
    public readonly int LexedCount;
    public readonly string[] Strings;
    public readonly double[] Numbers;
    public readonly Literal[] Literals;
    public readonly TriviaData[] Trivia;

    /// <summary>The file's text: a number's or string's own text is read from it on demand.</summary>
    private readonly string _source;

    // Counts and widths too large for the records' 16 bits (pathological input only): by index.
    private readonly Dictionary<int, int>? _longTrailing;
    private readonly Dictionary<int, int>? _longTriviaWidths;

    public TokenTable(string source, TokenData[] tokens, int count, string[] strings, double[] numbers, Literal[] literals,
        TriviaData[] trivia, Dictionary<int, int>? longTrailing, Dictionary<int, int>? longTriviaWidths)
    {
        _source = source;
        Tokens = tokens;
        Count = count;
        LexedCount = count;
        Strings = strings;
        Numbers = numbers;
        Literals = literals;
        Trivia = trivia;
        _longTrailing = longTrailing;
        _longTriviaWidths = longTriviaWidths;
    }

    /// <summary>Index of the empty string in <see cref="Strings"/> (always interned first).</summary>
    public const int EmptyString = 0;

    /// <summary>A number's or string's width is its literal's; any other token's, its interned text's length (0 when missing).</summary>
    public int Width(int index)
    {
        ref readonly var d = ref Tokens[index];
        return IsLiteral(in d) ? Literals[d.Data].Width : Strings[d.Data].Length;
    }

    /// <summary>The token's exact source text: interned for names, keywords and punctuation, read from the file for literals.</summary>
    public string Text(int index)
    {
        ref readonly var d = ref Tokens[index];
        return IsLiteral(in d) ? _source.Substring(d.Start, Literals[d.Data].Width) : Strings[d.Data];
    }

    public double NumberValue(int index)
    {
        ref readonly var d = ref Tokens[index];
        return d.Kind == SyntaxKind.Number && IsLiteral(in d) ? Numbers[Literals[d.Data].Value] : double.NaN;
    }

    public string StringValue(int index)
    {
        ref readonly var d = ref Tokens[index];
        return d.Kind == SyntaxKind.String && IsLiteral(in d) ? Strings[Literals[d.Data].Value] : "";
    }

    private static bool IsLiteral(in TokenData d) =>
        (d.Kind == SyntaxKind.Number || d.Kind == SyntaxKind.String) && (d.Flags & TokenFlags.Missing) == 0;

    public TextSpan Span(int index) => new(Tokens[index].Start, Width(index));

    public int TrailingCount(int index)
    {
        int count = Tokens[index].TrailingCount;
        return count == ushort.MaxValue ? _longTrailing![index] : count;
    }

    /// <summary>
    /// The trivia between the previous token's trailing trivia and this token: not stored, but
    /// what lies between this token's first trivia and the next token's, less the trailing.
    /// </summary>
    public int LeadingCount(int index)
    {
        if (index >= LexedCount) return 0; // missing tokens have no trivia
        int next = index + 1 < LexedCount ? Tokens[index + 1].TriviaStart : Trivia.Length;
        return next - Tokens[index].TriviaStart - TrailingCount(index);
    }

    public SyntaxTrivia GetTrivia(int index)
    {
        ref readonly var t = ref Trivia[index];
        int width = t.Width == ushort.MaxValue ? _longTriviaWidths![index] : t.Width;
        return new SyntaxTrivia(t.Kind, new TextSpan(t.Start, width));
    }

    /// <summary>Appends a zero-width token the parser expected but did not find.</summary>
    public SyntaxToken AddMissing(SyntaxKind kind, int position)
    {
        if (Count == Tokens.Length) Array.Resize(ref Tokens, Math.Max(4, Tokens.Length * 2));
        Tokens[Count] = new TokenData
        {
            Kind = kind,
            Flags = TokenFlags.Missing,
            Start = position,
            Data = EmptyString,
        };
        return new SyntaxToken(this, Count++);
    }
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    FirstOnLine = 1,
    Missing = 2,
}

/// <summary>
/// One token: 16 bytes, no references. Its width is its text's or literal's and its leading trivia
/// count follows from the next token's <see cref="TriviaStart"/> (see <see cref="TokenTable"/>).
/// </summary>
internal struct TokenData
{
    public int Start;

    /// <summary>The first leading trivia in <see cref="TokenTable.Trivia"/>; the trailing trivia follows the leading.</summary>
    public int TriviaStart;

    /// <summary>A number's or string's entry in <see cref="TokenTable.Literals"/>; any other token's text in <see cref="TokenTable.Strings"/>.</summary>
    public int Data;

    public SyntaxKind Kind;
    public TokenFlags Flags;

    /// <summary>The trailing trivia count; <see cref="ushort.MaxValue"/> when the table keeps a larger one aside.</summary>
    public ushort TrailingCount;
}

/// <summary>
/// A number or string as written: its value (a number's index in <see cref="TokenTable.Numbers"/>, a
/// string's decoded value in <see cref="TokenTable.Strings"/>) and its width in the source. Equal
/// literals of a file share one entry.
/// </summary>
internal struct Literal
{
    public int Value;
    public int Width;
}

/// <summary>One trivia item: 8 bytes, no references (<see cref="SyntaxTrivia"/> is made from it on demand).</summary>
internal struct TriviaData
{
    public int Start;

    /// <summary>The width; <see cref="ushort.MaxValue"/> when the table keeps a larger one aside.</summary>
    public ushort Width;

    public SyntaxKind Kind;
}

/// <summary>
/// Interns a file's token texts: each distinct text is one string, found again from the source
/// characters without allocating (open hashing over the characters). The empty string and the
/// language's keywords and punctuation come first in every file and are the same string objects
/// in all files, so a file keeps only its own names and string values.
/// </summary>
internal sealed class StringInterner
{
    private static readonly string[] WellKnown = CreateWellKnown();

    private int[] _buckets = new int[256];
    private Entry[] _entries = new Entry[128];
    private int _count;

    private struct Entry
    {
        public string Value;
        public int Hash;
        public int Next;
    }

    public StringInterner()
    {
        foreach (var text in WellKnown) Add(text, Hash(text, 0, text.Length));
    }

    // "" first (TokenTable.EmptyString), then punctuation and every keyword of the grammar.
    private static string[] CreateWellKnown()
    {
        var texts = new List<string> { "" };
        foreach (SyntaxKind kind in Enum.GetValues(typeof(SyntaxKind)))
            if (SyntaxFacts.GetText(kind) is { Length: > 0 } text && !texts.Contains(text)) texts.Add(text);
        foreach (var keyword in SyntaxFacts.Keywords)
            if (!texts.Contains(keyword)) texts.Add(keyword);
        return texts.ToArray();
    }

    /// <summary>How many entries the tables hold room for.</summary>
    public int Capacity => _entries.Length;

    /// <summary>Forgets the file's own strings, keeping the well-known ones and the tables for the next file.</summary>
    public void Clear()
    {
        Array.Clear(_entries, WellKnown.Length, _count - WellKnown.Length); // no previous file's string stays alive
        _count = WellKnown.Length;
        Array.Clear(_buckets, 0, _buckets.Length);
        Relink();
    }

    public string this[int index] => _entries[index].Value;

    public string[] ToArray()
    {
        var result = new string[_count];
        for (int i = 0; i < _count; i++) result[i] = _entries[i].Value;
        return result;
    }

    public int Intern(string source, int start, int length)
    {
        int hash = Hash(source, start, length);
        for (int i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            ref var e = ref _entries[i];
            if (e.Hash == hash && e.Value.Length == length && string.CompareOrdinal(e.Value, 0, source, start, length) == 0) return i;
        }
        return Add(length == source.Length ? source : source.Substring(start, length), hash);
    }

    public int Intern(string value) => Intern(value, 0, value.Length);

    private int Add(string value, int hash)
    {
        if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
        if (_count * 2 >= _buckets.Length) Rehash();
        int bucket = hash & (_buckets.Length - 1);
        _entries[_count] = new Entry { Value = value, Hash = hash, Next = _buckets[bucket] - 1 };
        _buckets[bucket] = _count + 1;
        return _count++;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        Relink();
    }

    private void Relink()
    {
        for (int i = 0; i < _count; i++)
        {
            int bucket = _entries[i].Hash & (_buckets.Length - 1);
            _entries[i].Next = _buckets[bucket] - 1;
            _buckets[bucket] = i + 1;
        }
    }

    private static int Hash(string s, int start, int length)
    {
        unchecked
        {
            uint h = 2166136261;
            for (int i = start; i < start + length; i++) h = (h ^ s[i]) * 16777619;
            return (int)h;
        }
    }
}

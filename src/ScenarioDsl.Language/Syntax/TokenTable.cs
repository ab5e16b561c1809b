using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// The tokens of one file in a few flat arrays: one <see cref="TokenData"/> per token (no object
/// references, so the collector never traces them), the file's distinct texts and string values,
/// its numbers and its trivia. A <see cref="SyntaxToken"/> is a (table, index) handle into it, so a
/// parsed file holds a handful of large arrays instead of a graph of small objects. Filled by the
/// lexer, extended with the missing tokens the parser inserts, then never changed.
/// </summary>
internal sealed class TokenTable
{
    // Tokens and Count grow when the parser appends a missing token; the rest is fixed by the lexer.
    public TokenData[] Tokens;
    public int Count;
    public readonly string[] Strings;
    public readonly double[] Numbers;
    public readonly SyntaxTrivia[] Trivia;

    public TokenTable(TokenData[] tokens, int count, string[] strings, double[] numbers, SyntaxTrivia[] trivia)
    {
        Tokens = tokens;
        Count = count;
        Strings = strings;
        Numbers = numbers;
        Trivia = trivia;
    }

    /// <summary>Index of the empty string in <see cref="Strings"/> (always interned first).</summary>
    public const int EmptyString = 0;

    /// <summary>Appends a zero-width token the parser expected but did not find.</summary>
    public SyntaxToken AddMissing(SyntaxKind kind, int position)
    {
        if (Count == Tokens.Length) Array.Resize(ref Tokens, Math.Max(4, Tokens.Length * 2));
        Tokens[Count] = new TokenData
        {
            Kind = kind,
            Flags = TokenFlags.Missing,
            Start = position,
            Text = EmptyString,
            Value = -1,
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

/// <summary>One token: 32 bytes, no references.</summary>
internal struct TokenData
{
    public int Start;
    public int Width;

    /// <summary>The first leading trivia in <see cref="TokenTable.Trivia"/>; the trailing trivia follows the leading.</summary>
    public int TriviaStart;
    public int LeadingCount;
    public int TrailingCount;

    /// <summary>The token's text in <see cref="TokenTable.Strings"/>.</summary>
    public int Text;

    /// <summary>A string's decoded value in <see cref="TokenTable.Strings"/>, a number's in <see cref="TokenTable.Numbers"/>; -1 otherwise.</summary>
    public int Value;

    public SyntaxKind Kind;
    public TokenFlags Flags;

    public readonly TextSpan Span => new(Start, Width);
}

/// <summary>
/// Interns a file's token texts: each distinct text is one string, found again from the source
/// characters without allocating (open hashing over the characters).
/// </summary>
internal sealed class StringInterner
{
    private int[] _buckets = new int[256];
    private Entry[] _entries = new Entry[128];
    private int _count;

    private struct Entry
    {
        public string Value;
        public int Hash;
        public int Next;
    }

    public StringInterner() => Intern("");

    /// <summary>How many entries the tables hold room for.</summary>
    public int Capacity => _entries.Length;

    /// <summary>Forgets every string but the empty one (index 0), keeping the tables for the next file.</summary>
    public void Clear()
    {
        Array.Clear(_buckets, 0, _buckets.Length);
        Array.Clear(_entries, 0, _count); // no references to the previous file's strings stay alive
        _count = 0;
        Intern("");
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

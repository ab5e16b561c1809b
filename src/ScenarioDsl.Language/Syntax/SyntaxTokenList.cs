using System.Collections;

namespace ScenarioDsl.Language.Syntax;

/// <summary>The tokens of one lexed file, in source order (the end-of-file token last).</summary>
public readonly struct SyntaxTokenList : IReadOnlyList<SyntaxToken>
{
    private readonly TokenTable? _table;
    private readonly int _count;

    internal SyntaxTokenList(TokenTable table, int count)
    {
        _table = table;
        _count = count;
    }

    public int Count => _count;

    public SyntaxToken this[int index] =>
        (uint)index < (uint)_count ? new SyntaxToken(_table!, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SyntaxToken> IEnumerable<SyntaxToken>.GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<SyntaxToken>)this).GetEnumerator();

    /// <summary>An allocation-free enumerator for <c>foreach</c>.</summary>
    public struct Enumerator
    {
        private readonly SyntaxTokenList _list;
        private int _index;

        internal Enumerator(SyntaxTokenList list)
        {
            _list = list;
            _index = -1;
        }

        public SyntaxToken Current => _list[_index];

        public bool MoveNext() => ++_index < _list.Count;
    }
}

using System.Collections;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// A token's leading or trailing trivia: a slice of the trivia array of its file's token table, so
/// a token holds no trivia objects of its own (parsed trees stay small and cheap to keep).
/// </summary>
public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>
{
    private readonly TokenTable? _store;
    private readonly int _start;

    internal SyntaxTriviaList(TokenTable store, int start, int count)
    {
        _store = store;
        _start = start;
        Count = count;
    }

    public static SyntaxTriviaList Empty => default;

    public int Count { get; }

    public SyntaxTrivia this[int index] =>
        (uint)index < (uint)Count ? _store!.GetTrivia(_start + index) : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SyntaxTrivia> IEnumerable<SyntaxTrivia>.GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<SyntaxTrivia>)this).GetEnumerator();

    /// <summary>An allocation-free enumerator for <c>foreach</c>.</summary>
    public struct Enumerator
    {
        private readonly SyntaxTriviaList _list;
        private int _index;

        internal Enumerator(SyntaxTriviaList list)
        {
            _list = list;
            _index = -1;
        }

        public SyntaxTrivia Current => _list[_index];

        public bool MoveNext() => ++_index < _list.Count;
    }
}

using System.Collections;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// A token's leading or trailing trivia: a slice of one array shared by every token of a file, so
/// a token holds no trivia objects of its own (parsed trees stay small and cheap to keep).
/// </summary>
public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>
{
    private readonly TriviaStore? _store;
    private readonly int _start;

    internal SyntaxTriviaList(TriviaStore store, int start, int count)
    {
        _store = store;
        _start = start;
        Count = count;
    }

    public static SyntaxTriviaList Empty => default;

    public int Count { get; }

    public SyntaxTrivia this[int index] =>
        (uint)index < (uint)Count ? _store!.Items[_start + index] : throw new ArgumentOutOfRangeException(nameof(index));

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

/// <summary>The trivia of one file, filled by the lexer; tokens refer to slices of it.</summary>
internal sealed class TriviaStore
{
    public SyntaxTrivia[] Items = Array.Empty<SyntaxTrivia>();
}

using System.Collections;

namespace ScenarioDsl.Language.Binding;

/// <summary>
/// The references of one compilation, in the order the binder resolves them. They are kept as a
/// sequence of arrays: a replayed declaration's references are its remembered array, appended as it
/// is (shared with the compilations that made or replayed it, never copied nor changed), so a
/// compilation after a one-file edit holds a few thousand array references rather than a copy of
/// tens of thousands of references. References resolved one by one collect in a pending list that
/// becomes an array of its own.
/// </summary>
internal sealed class ReferenceList : IReadOnlyList<SymbolReference>
{
    private readonly List<SymbolReference[]> _chunks;
    private readonly List<int> _starts; // the index of each chunk's first reference
    private readonly List<SymbolReference> _pending = new();
    private int _count;

    public ReferenceList(int chunkCapacity)
    {
        _chunks = new List<SymbolReference[]>(chunkCapacity);
        _starts = new List<int>(chunkCapacity);
    }

    public int Count => _count;

    private int PendingStart => _count - _pending.Count;

    public SymbolReference this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            if (index >= PendingStart) return _pending[index - PendingStart];
            int chunk = _starts.BinarySearch(index);
            if (chunk < 0) chunk = ~chunk - 1; // the last chunk starting before the index
            return _chunks[chunk][index - _starts[chunk]];
        }
    }

    public void Add(SymbolReference reference)
    {
        _pending.Add(reference);
        _count++;
    }

    /// <summary>Appends the references of an array that nobody changes (it is kept, not copied).</summary>
    public void AddRange(SymbolReference[] references)
    {
        if (references.Length == 0) return;
        Complete();
        _chunks.Add(references);
        _starts.Add(_count);
        _count += references.Length;
    }

    /// <summary>
    /// The references from <paramref name="start"/> to the end, as an array that replaces them in
    /// this list (they are then shared with whoever keeps the array).
    /// </summary>
    public SymbolReference[] ShareSince(int start)
    {
        if (start == _count) return Array.Empty<SymbolReference>();
        if (start < PendingStart)
        {
            // Not all pending (a replayed array among them): copied, and left as they are here.
            var copy = new SymbolReference[_count - start];
            for (int i = 0; i < copy.Length; i++) copy[i] = this[start + i];
            return copy;
        }
        int offset = start - PendingStart;
        var shared = new SymbolReference[_count - start];
        _pending.CopyTo(offset, shared, 0, shared.Length);
        _pending.RemoveRange(offset, shared.Length);
        _count -= shared.Length;
        AddRange(shared);
        return shared;
    }

    /// <summary>Turns the pending references into an array of their own (before the list is read).</summary>
    public void Complete()
    {
        if (_pending.Count == 0) return;
        _chunks.Add(_pending.ToArray());
        _starts.Add(PendingStart);
        _pending.Clear();
    }

    public IEnumerator<SymbolReference> GetEnumerator()
    {
        foreach (var chunk in _chunks)
            foreach (var reference in chunk)
                yield return reference;
        foreach (var reference in _pending) yield return reference;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// An immutable node of the full-fidelity syntax tree. Its tokens, in order, with their trivia,
/// reproduce the source text exactly.
/// </summary>
public abstract class SyntaxNode
{
    /// <summary>The node's direct children in source order: tokens, nodes, or lists of either.</summary>
    protected abstract IEnumerable<object?> Slots();

    /// <summary>Direct child nodes and tokens, in source order.</summary>
    public IEnumerable<object> ChildNodesAndTokens()
    {
        foreach (var slot in Slots())
        {
            switch (slot)
            {
                case null: break;
                case SyntaxToken t: yield return t; break;
                case SyntaxNode n: yield return n; break;
                case System.Collections.IEnumerable list:
                    foreach (var item in list)
                        if (item is not null) yield return item;
                    break;
            }
        }
    }

    public IEnumerable<SyntaxNode> ChildNodes() => ChildNodesAndTokens().OfType<SyntaxNode>();

    /// <summary>Every token under this node, in source order (missing tokens included).</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in ChildNodesAndTokens())
        {
            if (child is SyntaxToken t) yield return t;
            else foreach (var inner in ((SyntaxNode)child).DescendantTokens()) yield return inner;
        }
    }

    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        yield return this;
        foreach (var child in ChildNodes())
            foreach (var n in child.DescendantNodesAndSelf())
                yield return n;
    }

    // The file's token table: nodes keep their tokens as indexes into it (an int per token instead
    // of a 16-byte handle holding a reference the collector would trace).
    private TokenTable? _tokens;

    private protected int Index(SyntaxToken token)
    {
        _tokens ??= token.Table;
        return token.Index;
    }

    private protected int Index(SyntaxToken? token) => token is { } t ? Index(t) : -1;

    private protected SyntaxToken Token(int index) => new(_tokens!, index);

    private protected SyntaxToken? TokenOrNull(int index) => index < 0 ? null : new SyntaxToken(_tokens!, index);

    // Edge tokens, computed on first use, as indexes into the same table.
    private int _firstIndex = -1;
    private int _lastIndex = -1;
    private bool _edgesComputed;

    /// <summary>The first token that is not missing (a missing one if there is no other); null for an empty node.</summary>
    public SyntaxToken? FirstToken
    {
        get
        {
            ComputeEdgeTokens();
            return TokenOrNull(_firstIndex);
        }
    }

    /// <summary>The last token that is not missing (a missing one if there is no other); null for an empty node.</summary>
    public SyntaxToken? LastToken
    {
        get
        {
            ComputeEdgeTokens();
            return TokenOrNull(_lastIndex);
        }
    }

    // Walks one level of children and recurses into the edge children only (cached): O(children), not O(tokens).
    private void ComputeEdgeTokens()
    {
        if (Volatile.Read(ref _edgesComputed)) return;
        var children = ChildNodesAndTokens().ToList();
        SyntaxToken? first = null, firstAny = null, last = null, lastAny = null;
        foreach (var child in children)
        {
            if ((child is SyntaxToken token ? token : ((SyntaxNode)child).FirstToken) is not { } t) continue;
            firstAny ??= t;
            if (!t.IsMissing) { first = t; break; }
        }
        for (int i = children.Count - 1; i >= 0; i--)
        {
            if ((children[i] is SyntaxToken token ? token : ((SyntaxNode)children[i]).LastToken) is not { } t) continue;
            lastAny ??= t;
            if (!t.IsMissing) { last = t; break; }
        }
        if ((first ?? firstAny) is { } f && (last ?? lastAny) is { } l)
        {
            _tokens ??= f.Table;
            _firstIndex = f.Index;
            _lastIndex = l.Index;
        }
        Volatile.Write(ref _edgesComputed, true); // published after the fields (trees are shared across threads)
    }

    /// <summary>From the first token to the last, without outer trivia.</summary>
    public TextSpan Span
    {
        get
        {
            var first = FirstToken;
            var last = LastToken;
            return first is null || last is null ? default : TextSpan.FromBounds(first.Value.Span.Start, Math.Max(first.Value.Span.Start, last.Value.Span.End));
        }
    }

    public TextSpan FullSpan
    {
        get
        {
            var first = FirstToken;
            var last = LastToken;
            return first is null || last is null ? default : TextSpan.FromBounds(first.Value.FullSpan.Start, last.Value.FullSpan.End);
        }
    }
}

/// <summary>Items separated by tokens (commas, or the keyword <c>and</c>).</summary>
public sealed class SeparatedSyntaxList<T> : IEnumerable<object>
{
    public static readonly SeparatedSyntaxList<T> Empty = new(Array.Empty<T>(), Array.Empty<SyntaxToken>());

    public SeparatedSyntaxList(IReadOnlyList<T> items, IReadOnlyList<SyntaxToken> separators)
    {
        Items = items;
        Separators = separators;
    }

    public IReadOnlyList<T> Items { get; }

    public IReadOnlyList<SyntaxToken> Separators { get; }

    public int Count => Items.Count;

    public T this[int index] => Items[index];

    /// <summary>Items and separators interleaved, in source order.</summary>
    public IEnumerator<object> GetEnumerator()
    {
        for (int i = 0; i < Items.Count; i++)
        {
            yield return Items[i]!;
            if (i < Separators.Count) yield return Separators[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

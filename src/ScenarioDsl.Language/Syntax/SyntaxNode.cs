using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// An immutable node of the full-fidelity syntax tree. Its tokens, in order, with their trivia,
/// reproduce the source text exactly.
/// </summary>
public abstract class SyntaxNode
{
    /// <summary>Writes the node's direct children in source order (absent optional children are skipped).</summary>
    private protected abstract void WriteChildren(ChildList children);

    /// <summary>Direct child nodes and tokens, in source order.</summary>
    public IEnumerable<object> ChildNodesAndTokens()
    {
        var children = new ChildList();
        WriteChildren(children);
        for (int i = 0; i < children.Count; i++)
            yield return children.IsToken(i) ? children.Token(i) : children.Node(i);
    }

    public IEnumerable<SyntaxNode> ChildNodes() => ChildNodesAndTokens().OfType<SyntaxNode>();

    /// <summary>Every token under this node, in source order (missing tokens included).</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var children = new ChildList();
        WriteChildren(children);
        for (int i = 0; i < children.Count; i++)
        {
            if (children.IsToken(i)) yield return children.Token(i);
            else foreach (var inner in children.Node(i).DescendantTokens()) yield return inner;
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

    /// <summary>The first token that is not missing (a missing one if there is no other); null for an empty node.</summary>
    public SyntaxToken? FirstToken => EdgeToken(first: true);

    /// <summary>The last token that is not missing (a missing one if there is no other); null for an empty node.</summary>
    public SyntaxToken? LastToken => EdgeToken(first: false);

    // Children lists for the edge walk, one per level of recursion, reused per thread.
    [ThreadStatic] private static List<ChildList>? s_edgeLists;
    [ThreadStatic] private static int s_edgeDepth;

    // Walks one level of children and recurses into the edge child only: O(children) per level of
    // the edge, not O(tokens), and without allocating (tokens are indexes, the lists are reused).
    // Not cached: nodes stay small (every kept tree is a cost to the collector), and a span is
    // asked for once per declaration by the binder, and by the editor for what the cursor is on.
    private SyntaxToken? EdgeToken(bool first)
    {
        var lists = s_edgeLists ??= new List<ChildList>();
        if (s_edgeDepth == lists.Count) lists.Add(new ChildList());
        var children = lists[s_edgeDepth++];
        try
        {
            WriteChildren(children);
            SyntaxToken? any = null;
            for (int k = 0; k < children.Count; k++)
            {
                int i = first ? k : children.Count - 1 - k;
                SyntaxToken? edge = children.IsToken(i) ? children.Token(i) : children.Node(i).EdgeToken(first);
                if (edge is not { } token) continue;
                any ??= token;
                if (!token.IsMissing) return token;
            }
            return any;
        }
        finally
        {
            children.Clear(); // keeps no node alive
            s_edgeDepth--;
        }
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

/// <summary>
/// A node's direct children in source order, as <see cref="SyntaxNode.WriteChildren"/> writes them:
/// nodes by reference, tokens by their index in the file's token table (no boxing), lists flattened.
/// </summary>
internal sealed class ChildList
{
    private SyntaxNode?[] _nodes = new SyntaxNode?[8];
    private int[] _tokens = new int[8]; // -1 where the child is a node

    public int Count { get; private set; }

    internal TokenTable? Table { get; private set; }

    internal bool IsToken(int i) => _tokens[i] >= 0;

    internal SyntaxToken Token(int i) => new(Table!, _tokens[i]);

    internal SyntaxNode Node(int i) => _nodes[i]!;

    public void Add(SyntaxToken token)
    {
        Table ??= token.Table;
        Append(null, token.Index);
    }

    public void Add(SyntaxToken? token)
    {
        if (token is { } t) Add(t);
    }

    public void Add(SyntaxNode? node)
    {
        if (node is not null) Append(node, -1);
    }

    public void Add<T>(IReadOnlyList<T> nodes) where T : SyntaxNode
    {
        for (int i = 0; i < nodes.Count; i++) Add(nodes[i]);
    }

    public void Add(IReadOnlyList<SyntaxToken> tokens)
    {
        for (int i = 0; i < tokens.Count; i++) Add(tokens[i]);
    }

    public void Add<T>(SeparatedSyntaxList<T> list) where T : SyntaxNode
    {
        for (int i = 0; i < list.Items.Count; i++)
        {
            Add(list.Items[i]);
            if (i < list.Separators.Count) Add(list.Separators[i]);
        }
    }

    public void Add(SeparatedSyntaxList<SyntaxToken> list)
    {
        for (int i = 0; i < list.Items.Count; i++)
        {
            Add(list.Items[i]);
            if (i < list.Separators.Count) Add(list.Separators[i]);
        }
    }

    internal void Clear()
    {
        Array.Clear(_nodes, 0, Count);
        Count = 0;
        Table = null;
    }

    private void Append(SyntaxNode? node, int token)
    {
        if (Count == _nodes.Length)
        {
            Array.Resize(ref _nodes, Count * 2);
            Array.Resize(ref _tokens, Count * 2);
        }
        _nodes[Count] = node;
        _tokens[Count] = token;
        Count++;
    }
}

/// <summary>
/// Items separated by tokens (commas, or the keyword <c>and</c>). A value kept inside its node, so
/// a list costs its two arrays and no object of its own; <c>default</c> is the empty list.
/// </summary>
public readonly struct SeparatedSyntaxList<T> : IEnumerable<object>
{
    private readonly IReadOnlyList<T>? _items;
    private readonly IReadOnlyList<SyntaxToken>? _separators;

    public static SeparatedSyntaxList<T> Empty => default;

    public SeparatedSyntaxList(IReadOnlyList<T> items, IReadOnlyList<SyntaxToken> separators)
    {
        _items = items;
        _separators = separators;
    }

    public IReadOnlyList<T> Items => _items ?? Array.Empty<T>();

    public IReadOnlyList<SyntaxToken> Separators => _separators ?? Array.Empty<SyntaxToken>();

    public int Count => Items.Count;

    public T this[int index] => Items[index];

    /// <summary>Items and separators interleaved, in source order.</summary>
    public IEnumerator<object> GetEnumerator() => Interleave(Items, Separators);

    private static IEnumerator<object> Interleave(IReadOnlyList<T> items, IReadOnlyList<SyntaxToken> separators)
    {
        for (int i = 0; i < items.Count; i++)
        {
            yield return items[i]!;
            if (i < separators.Count) yield return separators[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

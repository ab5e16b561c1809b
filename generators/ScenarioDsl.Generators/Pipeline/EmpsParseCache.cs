using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;
using LanguageSyntaxTree = ScenarioDsl.Language.Syntax.SyntaxTree;

namespace ScenarioDsl.Generators.Pipeline;

/// <summary>
/// Parsed .emps files and compilations shared by the generator and the analyzer (they live in one
/// assembly, so one build parses and binds each set of files once). Syntax trees are keyed by path and
/// content checksum (the text is compared on a hit); compilations by the ordered list of those keys.
/// Thread safe and bounded: the oldest entries are dropped first.
/// </summary>
internal static class EmpsParseCache
{
    private const int MaxTrees = 4096;
    private const int MaxCompilations = 8;

    private static readonly object Gate = new();
    private static readonly Dictionary<string, LanguageSyntaxTree> Trees = new(StringComparer.Ordinal);
    private static readonly Queue<string> TreeOrder = new();
    private static readonly LinkedList<(string Key, EmpsCompilation Compilation)> Compilations = new();

    /// <summary>How many files were parsed (not served from the cache) since the process started; for tests.</summary>
    public static int ParseCount;

    /// <summary>Forgets every cached tree and compilation (benchmarks of cold runs).</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            Trees.Clear();
            TreeOrder.Clear();
            Compilations.Clear();
        }
    }

    /// <summary>One compilation of every .emps file, in the order given.</summary>
    public static EmpsCompilation GetCompilation(IEnumerable<EmpsFileInput> files)
    {
        var texts = files.Select(f => SourceText.From(f.Text, f.Path)).ToArray();
        string key = string.Join("\n", texts.Select(Key));
        lock (Gate)
        {
            for (var node = Compilations.First; node is not null; node = node.Next)
            {
                if (node.Value.Key != key || !SameTexts(node.Value.Compilation, texts)) continue;
                Compilations.Remove(node);
                Compilations.AddFirst(node);
                return node.Value.Compilation;
            }
        }
        var compilation = EmpsCompilation.Create(texts.Select(Parse));
        lock (Gate)
        {
            Compilations.AddFirst((key, compilation));
            while (Compilations.Count > MaxCompilations) Compilations.RemoveLast();
        }
        return compilation;
    }

    /// <summary>The syntax tree of one file, parsed at most once per path and content.</summary>
    public static LanguageSyntaxTree Parse(SourceText text)
    {
        string key = Key(text);
        lock (Gate)
        {
            if (Trees.TryGetValue(key, out var cached) && cached.Text.Text == text.Text) return cached;
        }
        var tree = LanguageSyntaxTree.Parse(text);
        Interlocked.Increment(ref ParseCount);
        lock (Gate)
        {
            if (!Trees.ContainsKey(key)) TreeOrder.Enqueue(key);
            Trees[key] = tree;
            while (Trees.Count > MaxTrees && TreeOrder.Count > 0) Trees.Remove(TreeOrder.Dequeue());
        }
        return tree;
    }

    private static string Key(SourceText text) => text.Path + "\u0000" + text.Checksum + "\u0000" + text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool SameTexts(EmpsCompilation compilation, SourceText[] texts)
    {
        var trees = compilation.SyntaxTrees;
        if (trees.Count != texts.Length) return false;
        for (int i = 0; i < texts.Length; i++)
            if (trees[i].Text.Text != texts[i].Text) return false;
        return true;
    }
}

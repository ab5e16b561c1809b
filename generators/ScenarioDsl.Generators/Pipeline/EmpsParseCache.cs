using System.Runtime.CompilerServices;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;
using LanguageSyntaxTree = ScenarioDsl.Language.Syntax.SyntaxTree;

namespace ScenarioDsl.Generators.Pipeline;

/// <summary>
/// Parsed .emps files and compilations shared by the generator and the analyzer (they live in one
/// assembly, so one build parses and binds each set of files once). Syntax trees are keyed by path and
/// content checksum (the text is compared on a hit), and also remembered per input object; a
/// compilation is reused when it has the same trees in the same order.
/// Thread safe and bounded: the oldest entries are dropped first.
/// </summary>
internal static class EmpsParseCache
{
    private const int MaxTrees = 4096;
    private const int MaxCompilations = 8;

    private static readonly object Gate = new();
    private static readonly Dictionary<string, LanguageSyntaxTree> Trees = new(StringComparer.Ordinal);
    private static readonly Queue<string> TreeOrder = new();
    private static readonly LinkedList<EmpsCompilation> Compilations = new();

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
            // TreeByInput needs no clearing: its entries live as long as the inputs.
        }
    }

    // The driver hands the same EmpsFileInput objects again for unchanged files: their trees are
    // found per object first, without hashing the text again (a warm one-file edit at 1,000 files
    // then costs one checksum, not a thousand).
    private static readonly ConditionalWeakTable<EmpsFileInput, LanguageSyntaxTree> TreeByInput = new();

    /// <summary>One compilation of every .emps file, in the order given.</summary>
    public static EmpsCompilation GetCompilation(IEnumerable<EmpsFileInput> files)
    {
        var inputs = files as IReadOnlyList<EmpsFileInput> ?? files.ToArray();
        var trees = new LanguageSyntaxTree[inputs.Count];
        for (int i = 0; i < trees.Length; i++)
            trees[i] = TreeByInput.GetValue(inputs[i], static f => Parse(SourceText.From(f.Text, f.Path)));
        lock (Gate)
        {
            // Trees are shared per path and content, so the same files give the same tree objects.
            for (var node = Compilations.First; node is not null; node = node.Next)
            {
                if (!SameTrees(node.Value, trees)) continue;
                Compilations.Remove(node);
                Compilations.AddFirst(node);
                return node.Value;
            }
        }
        var compilation = EmpsCompilation.Create(trees);
        lock (Gate)
        {
            Compilations.AddFirst(compilation);
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

    private static bool SameTrees(EmpsCompilation compilation, LanguageSyntaxTree[] trees)
    {
        var existing = compilation.SyntaxTrees;
        if (existing.Count != trees.Length) return false;
        for (int i = 0; i < trees.Length; i++)
            if (!ReferenceEquals(existing[i], trees[i])) return false;
        return true;
    }
}

using System.Text;

namespace ScenarioDsl.Tests.Shared;

/// <summary>A small line diff (longest common subsequence) for readable baseline failures.</summary>
public static class LineDiff
{
    private const int Context = 2;

    public static string Render(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        var edits = Diff(a, b);
        var changed = edits.Select((e, i) => (e, i)).Where(p => p.e.Kind != ' ').Select(p => p.i).ToList();
        var output = new StringBuilder();
        int lastPrinted = -1;
        for (int i = 0; i < edits.Count; i++)
        {
            bool near = changed.Any(c => Math.Abs(c - i) <= Context);
            if (!near) continue;
            if (lastPrinted >= 0 && i > lastPrinted + 1) output.Append("  ...\n");
            output.Append(edits[i].Kind).Append(' ').Append(Visible(edits[i].Line)).Append('\n');
            lastPrinted = i;
        }
        return output.ToString();
    }

    private static string Visible(string line) => line.Replace("\r", "\\r").Replace("\t", "\\t");

    private static List<(char Kind, string Line)> Diff(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { edits.Add((' ', a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { edits.Add(('+', b[y])); y++; }
            else { edits.Add(('-', a[x])); x++; }
        }
        return edits;
    }
}

using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Diagnostics;

/// <summary>Where a diagnostic points: a file, its character span and the same span as lines and columns.</summary>
public readonly record struct Location(string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    public static Location Create(SourceText text, TextSpan span) =>
        new(text.Path, span, text.GetLinePositionSpan(span));

    /// <summary>1-based, as MSBuild prints it: <c>path(line,col)</c>.</summary>
    public override string ToString() => $"{Path}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1})";
}

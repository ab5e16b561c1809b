namespace ScenarioDsl.Language.Text;

/// <summary>A 0-based line and a 0-based UTF-16 column.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    /// <summary>1-based line and column, as compilers print them.</summary>
    public override string ToString() => $"({Line + 1},{Character + 1})";
}

/// <summary>A range of 0-based line positions.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);

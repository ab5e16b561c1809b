namespace ScenarioDsl.Runtime.Definitions;

/// <summary>
/// A set of cues as a bitmask over a <see cref="CueTable"/> (bit i = the table's cue i).
/// A small immutable value: detecting, passing and testing cues allocates nothing.
/// </summary>
public readonly record struct CueSet(ulong Bits)
{
    public static CueSet Empty => default;

    public bool IsEmpty => Bits == 0;

    public int Count => System.Numerics.BitOperations.PopCount(Bits);

    public bool Contains(int index) => (uint)index < 64 && (Bits & (1UL << index)) != 0;

    public CueSet With(int index) => (uint)index < 64 ? new CueSet(Bits | (1UL << index)) : this;

    public CueSet Without(int index) => (uint)index < 64 ? new CueSet(Bits & ~(1UL << index)) : this;

    public CueSet Union(CueSet other) => new(Bits | other.Bits);
}

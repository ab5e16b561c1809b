namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// A reference agent's choices for one turn: a SplitMix64 stream started from the run's seed, the turn
/// and the agent's salt, so a reply depends only on (seed, turn, transcript), never on call order.
/// A small struct: creating one per turn costs nothing (a MathNet generator per turn did, through
/// System.Random's constructor).
/// </summary>
internal struct AgentRandom
{
    private ulong _state;

    private AgentRandom(ulong state) => _state = state;

    /// <summary>The stream for (seed, turn, salt): state = (seed &lt;&lt; 32) ^ (turn &lt;&lt; 8) ^ salt, as unsigned 64-bit.</summary>
    public static AgentRandom For(int seed, int turn, int salt) =>
        new(unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)turn << 8) ^ (uint)salt));

    /// <summary>A uniform integer in [0, maxExclusive): <c>floor(((next &gt;&gt; 11) * 2^-53) * maxExclusive)</c>.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 1) return 0;
        return (int)((Next() >> 11) * (1.0 / (1UL << 53)) * maxExclusive);
    }

    private ulong Next()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

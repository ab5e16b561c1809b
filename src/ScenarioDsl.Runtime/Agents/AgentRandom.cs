using ScenarioDsl.Runtime.Randomness;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// A reference agent's randomness for one turn: a <see cref="SeededRandom"/> seeded from the run's seed,
/// the turn and the agent's salt, so a reply depends only on (seed, turn, transcript), never on call order.
/// </summary>
internal static class AgentRandom
{
    public static SeededRandom For(int seed, int turn, int salt)
    {
        unchecked
        {
            int mixed = seed * 486187739 + turn * 16777619 + salt * 97;
            return new SeededRandom(mixed);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScenarioDsl.Runtime.Results;

/// <summary>
/// One line of results.jsonl (SPEC 5): everything needed to re-score or plot a run later.
/// Doubles are written shortest round-trippable, so states read back bit for bit.
/// </summary>
public sealed class RunRecord
{
    public string Scenario { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Suite { get; set; }

    public string Persona { get; set; } = "";

    public string Goal { get; set; } = "";

    /// <summary>
    /// The <see cref="Running.Scenario.DeclarationsFingerprint"/> of the declarations the run was made from; absent in records
    /// written before 2026-12-07.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Declarations { get; set; }

    public int Seed { get; set; }

    public string Agent { get; set; } = "";

    public string Profile { get; set; } = "";

    public string ProfileVersion { get; set; } = "";

    public string[] Dimensions { get; set; } = [];

    /// <summary>[lo, hi] per dimension.</summary>
    public double[][] Ranges { get; set; } = [];

    /// <summary>Names of the goal's constrained dimensions.</summary>
    public string[] Constrained { get; set; } = [];

    /// <summary>The target point over the constrained dimensions.</summary>
    public double[] Target { get; set; } = [];

    public double Within { get; set; }

    public int MaxTurns { get; set; }

    public string Opening { get; set; } = "";

    /// <summary>s0 .. sn, each in dimension order.</summary>
    public double[][] States { get; set; } = [];

    public MessageRecord[] Messages { get; set; } = [];

    public Dictionary<string, JsonElement> Scores { get; set; } = new();

    public bool Converged { get; set; }

    public int Turns { get; set; }

    /// <summary>
    /// The resume key: suite (none for a scenario), scenario, seed and agent. The suite is part of it because case names
    /// repeat across suites (two suites pairing the same persona and goal name their cases alike) and may equal a
    /// scenario's name.
    /// </summary>
    [JsonIgnore]
    public string Key => KeyOf(Suite, Scenario, Seed, Agent);

    public static string KeyOf(string? suite, string scenario, int seed, string agent) =>
        (suite is null ? "" : suite + "\u001e") + scenario + "\u001f" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001f" + agent;

    /// <summary>How messages name a run: "case (suite Suite) seed 3 agent", or "scenario seed 3 agent".</summary>
    public static string Describe(string? suite, string scenario, int seed, string agent) =>
        suite is null ? $"{scenario} seed {seed} {agent}" : $"{scenario} (suite {suite}) seed {seed} {agent}";

    /// <summary><see cref="Describe"/> of this record.</summary>
    [JsonIgnore]
    public string Description => Describe(Suite, Scenario, Seed, Agent);

    /// <summary>
    /// A numeric score: a JSON number, or one of the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> that a
    /// score which overflowed is written as (docs/runtime.md), read as the double it names; null when absent or not a
    /// number (and when a hand-edited record has <c>"scores": null</c>).
    /// </summary>
    public double? Number(string name)
    {
        if (Scores is null || !Scores.TryGetValue(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String => value.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>The profile's headline in [0, 1]: process composite, epm EPM-Q / 100; 0 when absent.</summary>
    [JsonIgnore]
    public double Headline => Profile == "epm" ? (Number("epmQ") ?? 0) / 100.0 : Number("composite") ?? 0;
}

/// <summary>One turn of a run in results.jsonl: the agent's reply, the persona's answer, the cues sorted by name.</summary>
public sealed class MessageRecord
{
    public string Agent { get; set; } = "";

    public string? Persona { get; set; }

    public string[] Cues { get; set; } = [];
}

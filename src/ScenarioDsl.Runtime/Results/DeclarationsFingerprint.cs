using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Results;

/// <summary>
/// A short digest of everything a scenario's runs depend on besides the seed and the agent: the space, the persona
/// (start, rules, says lines, drift, noise, opening, about, traits), the goal (target or shift, within, turns, weights,
/// scoring) and the cues with their phrases. Results files record it per run (<c>declarations</c>), so that a resumed
/// <c>emps run</c> can tell results made before an edit of the .emps files. Names, comments and layout of the files
/// do not enter it, except the persona's and goal's names.
/// </summary>
public static class DeclarationsFingerprint
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The first 16 hexadecimal digits (64 bits) of the SHA-256 of the scenario's declarations written as JSON.</summary>
    public static string Of(Scenario scenario)
    {
        var persona = scenario.Persona;
        var goal = scenario.Goal;
        var declarations = new object?[]
        {
            scenario.Space.Dimensions.Select(d => new object[] { d.Name, d.Low, d.High }),
            new object?[]
            {
                persona.Name, persona.Start, persona.Drift, persona.Noise, persona.Opens, persona.About,
                persona.Traits.Select(t => new object[] { t.Name, t.Value }),
                persona.Rules.Select(r => new object[] { r.Cue, Conditions(r.Conditions), r.Effects.Select(e => new object[] { e.Dimension, e.Amount }) }),
                persona.Says.Select(s => new object[] { Conditions(s.Conditions), s.Text }),
            },
            new object[]
            {
                goal.Name, goal.Kind.ToString(), goal.Components.Select(c => new object[] { c.Dimension, c.Value }), goal.Within, goal.Turns,
                new[] { goal.Weights.Alignment, goal.Weights.Impact, goal.Weights.Stability }, goal.Scoring.Kind.ToString(), goal.Scoring.Direction.ToString(),
            },
            scenario.Cues.Cues.Select(c => new object[] { c.Name, c.Phrases }),
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(declarations, Options)));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    private static IEnumerable<object> Conditions(IEnumerable<Definitions.Condition> conditions) =>
        conditions.Select(c => new object[] { c.Dimension, c.Operator.ToString(), c.Value });
}

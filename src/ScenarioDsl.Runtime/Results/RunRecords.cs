using System.Text.Json;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Results;

/// <summary>Converts run results to records and records to and from JSON lines.</summary>
public static class RunRecords
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        // Readable non-ASCII and apostrophes; the lines are never embedded in HTML or scripts.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A space of huge ranges can overflow a score (an energy of 1e400 is infinite, a cosine of two infinite
        // lengths NaN): written as the strings "Infinity", "-Infinity" and "NaN" and read back as numbers, rather
        // than failing the run (SPEC 3: nothing a user can type may crash the command).
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static RunRecord From(RunResult result)
    {
        var scenario = result.Scenario;
        var space = scenario.Space;
        var goal = scenario.Goal;
        return new RunRecord
        {
            Scenario = scenario.Name,
            Suite = scenario.Suite,
            Persona = scenario.Persona.Name,
            Goal = goal.Name,
            Declarations = scenario.DeclarationsFingerprint,
            Seed = result.Seed,
            Agent = result.Agent,
            Profile = result.Scores.Profile,
            ProfileVersion = result.Scores.ProfileVersion,
            Dimensions = space.DimensionNames(),
            Ranges = space.Dimensions.Select(d => new[] { d.Low, d.High }).ToArray(),
            Constrained = goal.Components.Select(c => space.Dimensions[c.Dimension].Name).ToArray(),
            Target = goal.TargetFor(scenario.Persona.Start),
            Within = goal.Within,
            MaxTurns = goal.Turns,
            Opening = result.Opening,
            States = result.States.Select(s => s.ToArray()).ToArray(),
            Messages = result.Messages.Select(m => new MessageRecord { Agent = m.Agent, Persona = m.Persona, Cues = m.Cues.ToArray() }).ToArray(),
            Scores = result.Scores.Fields.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value, f.Value.GetType(), Options)),
            Converged = result.Converged,
            Turns = result.Turns,
        };
    }

    /// <summary>One JSON object on one line (no line breaks inside).</summary>
    public static string ToJsonLine(RunRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>Parses one line; null when it is not a complete record.</summary>
    public static RunRecord? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        try
        {
            var record = JsonSerializer.Deserialize<RunRecord>(line, Options);
            return record is null || record.Scenario.Length == 0 || record.Agent.Length == 0 ? null : record;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

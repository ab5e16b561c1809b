namespace ScenarioDsl.Runtime.Scoring;

/// <summary>The scores of one run under one scoring profile, stamped with the profile and its version.</summary>
public interface IScores
{
    /// <summary><c>process</c> or <c>epm</c>.</summary>
    string Profile { get; }

    string ProfileVersion { get; }

    /// <summary>The profile's headline number in [0, 1] (process: composite; epm: EPM-Q / 100).</summary>
    double Headline { get; }

    /// <summary>Every score as a name and a value (double, int, bool or string), in a stable order.</summary>
    IReadOnlyList<KeyValuePair<string, object>> Fields { get; }
}

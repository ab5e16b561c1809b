namespace ScenarioDsl.Llm.Cassettes;

/// <summary>A replayed request has no entry in the cassette folder.</summary>
public sealed class CassetteMissException : Exception
{
    public CassetteMissException(string key, string directory, string summary)
        : base($"no cassette entry for this LLM request in '{directory}' (key {key}; {summary}). " +
               "The request differs from every recorded one (scenario, prompt variant, model, seed or options changed?); record it with --record.")
    {
        Key = key;
        Directory = directory;
    }

    public string Key { get; }

    public string Directory { get; }
}

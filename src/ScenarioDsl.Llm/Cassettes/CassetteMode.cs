namespace ScenarioDsl.Llm.Cassettes;

public enum CassetteMode
{
    /// <summary>
    /// Serve a request from the cassette when it holds it; otherwise call the model and write the answer.
    /// The first answer recorded for a request is the one every later identical request gets (in this run
    /// and in replays), so a replay reproduces the recorded run exactly.
    /// </summary>
    Record,

    /// <summary>Serve only from the cassette: no inner client, no network, no key; a missing entry is an error.</summary>
    Replay,
}

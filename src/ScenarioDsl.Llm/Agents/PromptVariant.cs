namespace ScenarioDsl.Llm.Agents;

/// <summary>The two system prompts of the brief's experiment.</summary>
public enum PromptVariant
{
    /// <summary>A generic supportive-listener prompt that ignores who the persona is (the baseline).</summary>
    Generic,

    /// <summary>Instructions derived from the scenario's declarations the agent may see (persona, cues, goal).</summary>
    PersonaAligned,
}

/// <summary>Names of the variants on the command line and in agent names: <c>generic</c>, <c>persona-aligned</c>.</summary>
public static class PromptVariants
{
    public const string GenericName = "generic";
    public const string PersonaAlignedName = "persona-aligned";

    public static string NameOf(PromptVariant variant) => variant == PromptVariant.Generic ? GenericName : PersonaAlignedName;

    public static bool TryParse(string? text, out PromptVariant variant)
    {
        switch (text)
        {
            case GenericName: variant = PromptVariant.Generic; return true;
            case PersonaAlignedName or "aligned": variant = PromptVariant.PersonaAligned; return true;
            default: variant = default; return false;
        }
    }
}

namespace ScenarioDsl.LanguageServer.Tests;

internal static class Samples
{
    public const string Space =
        "space Mood \"How the persona feels\" {\n" +
        "  calm [-1, 1] \"Inner calm\"\n" +
        "  trust [0, 1] \"Trust in the agent\"\n" +
        "}\n" +
        "\n" +
        "cues {\n" +
        "  validation \"that makes sense\", \"understandable\"\n" +
        "  advice \"you should\"\n" +
        "}\n";

    /// <summary>CRLF line breaks and characters outside the BMP (two UTF-16 units each).</summary>
    public const string People =
        "persona Worrier in Mood {\r\n" +
        "  about \"Worries a lot \U0001F61F\"\r\n" +
        "  start { calm: -0.5, trust: 0.2 }\r\n" +
        "  on validation => calm += 0.2, trust += 0.1\r\n" +
        "  on advice when calm < 0 => trust -= 0.1\r\n" +
        "  says \"Hm.\"\r\n" +
        "}\r\n" +
        "\r\n" +
        "goal Settle in Mood \"Calm down\" {\r\n" +
        "  target { calm: 0.5 }\r\n" +
        "}\r\n" +
        "\r\n" +
        "scenario CalmTheWorrier {\r\n" +
        "  persona Worrier\r\n" +
        "  goal Settle\r\n" +
        "}\r\n";

    /// <summary>Line 4 (0-based 3): an unknown dimension after an emoji; 'clam' starts at UTF-16 character 28.</summary>
    public const string BrokenPeople =
        "persona Worrier in Mood {\r\n" +
        "  about \"Worries a lot\"\r\n" +
        "  start { calm: -0.5, trust: 0.2 }\r\n" +
        "  /* \U0001F61F */ on validation => clam += 0.2\r\n" +
        "  says \"Hm.\"\r\n" +
        "}\r\n";

    public static (int Line, int Character) Find(string text, string needle, int skip = 0)
    {
        int index = -1;
        for (int i = 0; i <= skip; i++) index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"'{needle}' not found");
        int line = 0, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        }
        return (line, index - lineStart);
    }
}

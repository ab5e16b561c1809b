namespace ScenarioDsl.Generators.Tests.Infrastructure;

/// <summary>One small .emps text per catalogue code that makes the language core report that code.</summary>
internal static class DiagnosticSamples
{
    private const string Space = """
        space Mood {
          calm [0, 1]
          trust [-1, 1]
        }

        """;

    private const string Persona = """
        persona P in Mood {
          start { calm: 0.2, trust: 0 }
          on kind => calm += 0.1, trust += 0.1
          on kind => trust -= 0.1
          says "ok"
        }

        """;

    private const string Cues = """
        cues {
          kind "that makes sense"
        }

        """;

    private const string Used = """
        goal G in Mood { target { calm: 0.9 } }
        scenario S { persona P goal G }

        """;

    public static readonly IReadOnlyDictionary<string, string> ByCode = new Dictionary<string, string>
    {
        ["EMPS0001"] = Space + "persona P in Mood { start { calm 0.2 } }\n",
        ["EMPS0002"] = Space + Cues + "persona P in Mood { start { calm: 1e999, trust: 0 } says \"x\" }\n" + Used,
        ["EMPS0003"] = Space + "persona P in Mood { about \"never closed\n",
        ["EMPS1001"] = Space + Cues + Persona + Used + "space Mood { x [0, 1] }\n",
        ["EMPS1002"] = Space + Cues + Persona + "goal G in Mood { target { calm: 0.9 } }\nscenario S { persona Nobody goal G }\n",
        ["EMPS1003"] = Space + Cues + Persona + Used + "persona p in Mood { start { calm: 0.2, trust: 0 } says \"x\" }\n",
        ["EMPS2001"] = "space Mood { calm [0, 1] calm [0, 1] }\n",
        ["EMPS2002"] = "space Mood { calm [1, 0] }\n",
        ["EMPS2003"] = Space + Cues + Persona + "goal G in Mood { target { nope: 0.9 } }\nscenario S { persona P goal G }\n",
        ["EMPS2004"] = Space + Cues + "persona P in Mood { start { calm: 2, trust: 0 } says \"x\" }\n" + Used,
        ["EMPS2005"] = Space + Cues + "persona P in Mood { start { calm: 0.2 } says \"x\" }\n" + Used,
        ["EMPS2006"] = Space + Cues + Persona + "space Other { x [0, 1] }\ngoal G in Other { target { x: 0.9 } }\nscenario S { persona P goal G }\n",
        ["EMPS2007"] = Space + Cues + Persona + "goal G in Mood { target { calm: 0.2 } }\nscenario S { persona P goal G }\n",
        ["EMPS2008"] = Space + Cues + "persona P in Mood { start { calm: 0.2, trust: 0 } on kind => trust += 0.1 says \"x\" }\n" + Used,
        ["EMPS2009"] = Space + Cues + Persona + "goal G in Mood { shift { calm: 0.95 } }\nscenario S { persona P goal G }\n",
        ["EMPS2010"] = Space + Cues + "persona P in Mood { start { calm: 0.2, trust: 0 } on kind when calm < 5 => calm += 0.1 says \"x\" }\n" + Used,
        ["EMPS2011"] = Space + Cues + Persona + "goal G in Mood { target { calm: 0.21 } within 0.1 }\nscenario S { persona P goal G }\n",
        ["EMPS2012"] = Space + Cues + "persona P in Mood { start { calm: 0.2, trust: 0 } on kind => calm += 3 says \"x\" }\n" + Used,
        ["EMPS2013"] = Space + Cues + Persona + Used,
        ["EMPS3001"] = Space + Cues + Persona + "goal G in Mood { target { calm: 0.9 } turns 0 }\nscenario S { persona P goal G }\n",
        ["EMPS3002"] = Space + Cues + Persona + "goal G in Mood { target { calm: 0.9 } within 0 }\nscenario S { persona P goal G }\n",
        ["EMPS3003"] = Space + Cues + Persona + "goal G in Mood { target { calm: 0.9 } weights { alignment: -1 } }\nscenario S { persona P goal G }\n",
        ["EMPS3004"] = Space + Cues + "persona P in Mood { start { calm: 0.2, trust: 0 } on kind => calm += 0.1 drift 2 says \"x\" }\n" + Used,
        ["EMPS3005"] = Space + Cues + Persona + "goal G in Mood { target { calm: 0.9 } shift { calm: 0.1 } }\nscenario S { persona P goal G }\n",
        ["EMPS3006"] = Space + Cues + "persona P in Mood { start { calm: 0.2, trust: 0 } on kind => calm += 0.1 says when calm > 0.5 \"x\" }\n" + Used,
        ["EMPS3007"] = Space + Cues + "persona P in Mood { on kind => calm += 0.1 says \"x\" }\n" + Used,
        ["EMPS3008"] = Space + Cues + "persona P in Mood { start { calm: 0.2, trust: 0 } drift 0.1 drift 0.2 on kind => calm += 0.1 says \"x\" }\n" + Used,
        ["EMPS3009"] = Space + "cues {\n" + string.Concat(Enumerable.Range(0, 64).Select(i => $"  c{i} \"c{i}\"\n")) + "}\n"
            + "persona P in Mood { start { calm: 0.2, trust: 0 }\n" + string.Concat(Enumerable.Range(0, 64).Select(i => $"  on c{i} => calm += 0.01\n")) + "  says \"x\" }\n" + Used,
        ["EMPS4001"] = Space + Cues + Persona + Used + "goal Unused in Mood { target { calm: 0.9 } }\n",
        ["EMPS4002"] = Space + "cues {\n  kind \"same\", \"same\"\n}\n" + Persona + Used,
    };
}

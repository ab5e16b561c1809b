namespace ScenarioDsl.Generators.Pipeline;

/// <summary>The names of the generator's incremental steps (asserted by the incrementality tests).</summary>
public static class TrackingNames
{
    /// <summary>One .emps additional file -> its path and text.</summary>
    public const string FileInput = "EmpsFileInput";

    /// <summary>All .emps files, collected (names are global across files).</summary>
    public const string AllFiles = "EmpsAllFiles";

    /// <summary>The language core's bound model of all files, with the errors the generator reports.</summary>
    public const string BoundModel = "EmpsBoundModel";

    /// <summary>Whether the compilation references xunit v2's serialization interface (suite cases implement it).</summary>
    public const string Xunit = "EmpsXunit";

    /// <summary>The namespace generated code goes into, and whether suite cases are xunit-serializable.</summary>
    public const string Options = "EmpsOptions";

    /// <summary>The generated files: one per .emps file with declarations to emit, and the cue list.</summary>
    public const string EmitModels = "EmpsEmitModels";

    /// <summary>The diagnostics of error severity, which the generator reports.</summary>
    public const string Errors = "EmpsErrors";

    /// <summary>The generated files, one per item.</summary>
    public const string EmitItem = "EmpsEmitItem";
}

namespace ScenarioDsl.Language.Diagnostics;

/// <summary>
/// Which <c>.globalconfig</c> applies to a file, the rule the build follows and <c>emps check</c>, <c>emps generate</c>,
/// <c>emps run</c> and the language server share: the nearest file named <c>.globalconfig</c> in the file's folder or
/// the closest folder above it, up to the root of the file system. Only that one counts (they are not merged). Reading
/// (<see cref="DiagnosticOptions.ParseGlobalConfig"/>) and caching are the caller's.
/// </summary>
public static class GlobalConfigLookup
{
    public const string FileName = ".globalconfig";

    /// <summary>
    /// The folders whose <c>.globalconfig</c> may apply to a file in <paramref name="folder"/>, nearest first: the folder
    /// itself, then each folder above it up to the root of the file system.
    /// </summary>
    public static IEnumerable<string> FoldersFrom(string folder)
    {
        for (string? f = folder; !string.IsNullOrEmpty(f); f = Path.GetDirectoryName(f))
            yield return f!;
    }

    /// <summary>The path of the <c>.globalconfig</c> in <paramref name="folder"/> (which may not exist).</summary>
    public static string PathIn(string folder) => Path.Combine(folder, FileName);
}

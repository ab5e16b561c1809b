using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Cli.Input;

/// <summary>
/// Turns the paths of a command line into the .emps files to read. A file is taken as named
/// (whatever its extension); a folder gives every <c>*.emps</c> file below it, recursively
/// as <see cref="EmpsFolders"/> finds them (the language server's workspace finds the same). The result
/// is sorted by display path (ordinal) with each file once, so output does not depend on the
/// file system's order.
/// </summary>
public static class InputExpander
{
    public const string Extension = EmpsFolders.Extension;

    /// <summary>Expands <paramref name="paths"/>; each path that does not exist gives an error message.</summary>
    public static InputSet Expand(IEnumerable<string> paths, string workingDirectory)
    {
        var files = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        var errors = new List<string>();
        var emptyFolders = new List<string>();
        foreach (var path in paths)
        {
            try
            {
                ExpandOne(path, workingDirectory, files, errors, emptyFolders);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add($"cannot read '{path}': {e.Message}");
            }
        }
        var sorted = files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToArray();
        return new InputSet(sorted, errors, emptyFolders);
    }

    private static void ExpandOne(
        string path, string workingDirectory, Dictionary<string, InputFile> files, List<string> errors, List<string> emptyFolders)
    {
        string fullPath = string.IsNullOrWhiteSpace(path) ? "" : Path.GetFullPath(path, workingDirectory);
        if (fullPath.Length > 0 && File.Exists(fullPath))
        {
            Add(files, fullPath, path, workingDirectory, foundInFolder: false);
        }
        else if (fullPath.Length > 0 && Directory.Exists(fullPath))
        {
            int before = files.Count;
            foreach (var file in EmpsFolders.EnumerateFiles(fullPath)) Add(files, file, path, workingDirectory, foundInFolder: true);
            if (files.Count == before && !HasFileUnder(files.Keys, fullPath)) emptyFolders.Add(path);
        }
        else
        {
            errors.Add($"path not found: '{path}'");
        }
    }

    private static bool HasFileUnder(IEnumerable<string> files, string folder)
    {
        string prefix = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return files.Any(f => f.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static void Add(Dictionary<string, InputFile> files, string fullPath, string given, string workingDirectory, bool foundInFolder)
    {
        // A file both named and found in a folder counts as named (it is read whatever its size).
        if (!files.TryGetValue(fullPath, out var known))
            files[fullPath] = new InputFile(fullPath, DisplayPath(fullPath, given, workingDirectory), foundInFolder);
        else if (known.FoundInFolder && !foundInFolder)
            files[fullPath] = known with { FoundInFolder = false };
    }

    /// <summary>
    /// Relative to the working directory when the user gave a relative path, absolute when they gave an
    /// absolute one; always with forward slashes.
    /// </summary>
    public static string DisplayPath(string fullPath, string given, string workingDirectory)
    {
        string display = Path.IsPathRooted(given) ? fullPath : Path.GetRelativePath(workingDirectory, fullPath);
        return display.Replace('\\', '/');
    }
}

/// <summary>The files a command line names, and what was wrong with the paths it gave.</summary>
public sealed record InputSet(IReadOnlyList<InputFile> Files, IReadOnlyList<string> Errors, IReadOnlyList<string> EmptyFolders);

using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Input;

/// <summary>
/// Finds the severity configuration that applies to a file by the core's rule (<see cref="GlobalConfigLookup"/>): the
/// nearest file named <c>.globalconfig</c> in the file's folder or the closest folder above it. Only the nearest one
/// counts (they are not merged). Results are cached per folder for one run.
/// </summary>
public sealed class GlobalConfigLocator
{
    public const string FileName = GlobalConfigLookup.FileName;

    private readonly Dictionary<string, string?> _nearestByFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiagnosticOptions> _optionsByConfig = new(StringComparer.Ordinal);

    /// <summary>The full path of the nearest .globalconfig at or above <paramref name="folder"/>, or null.</summary>
    public string? FindNearest(string folder)
    {
        var looked = new List<string>();
        string? nearest = null;
        foreach (var f in GlobalConfigLookup.FoldersFrom(folder))
        {
            if (_nearestByFolder.TryGetValue(f, out var cached)) { nearest = cached; break; } // and so are the folders above
            looked.Add(f);
            string candidate = GlobalConfigLookup.PathIn(f);
            if (File.Exists(candidate)) { nearest = candidate; break; }
        }
        foreach (var f in looked) _nearestByFolder[f] = nearest;
        return nearest;
    }

    /// <summary>The options of the nearest .globalconfig for a file (<see cref="DiagnosticOptions.Default"/> when none).</summary>
    /// <exception cref="IOException">The configuration exists but cannot be read.</exception>
    public DiagnosticOptions ForFile(string fullPath)
    {
        string? config = Path.GetDirectoryName(fullPath) is { } folder ? FindNearest(folder) : null;
        if (config is null) return DiagnosticOptions.Default;
        if (!_optionsByConfig.TryGetValue(config, out var options))
        {
            options = DiagnosticOptions.ParseGlobalConfig(File.ReadAllText(config));
            _optionsByConfig[config] = options;
        }
        return options;
    }
}

using System.Collections.Immutable;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.LanguageServer.Workspace;

/// <summary>
/// The severities that apply to each file, found by the core's rule (<see cref="GlobalConfigLookup"/>), as
/// <c>emps check</c> finds them: the nearest file named <c>.globalconfig</c> in the file's folder or the closest folder
/// above it (up to the root of the file system; only that one counts, they are not merged). Immutable: each folder is
/// looked at on disk when a file in it (or below it) joins, again when a watched-file event names its
/// <c>.globalconfig</c>, and the whole chain of a document's folders when it is opened or saved
/// (<see cref="Refresh"/>): clients watch only the workspace, so that is when a change above it is seen.
/// </summary>
public sealed class SeverityConfigs
{
    /// <summary>Each folder looked at: the options of its own .globalconfig, or null when it has none.</summary>
    private readonly ImmutableDictionary<string, DiagnosticOptions?> _byFolder;

    private SeverityConfigs(ImmutableDictionary<string, DiagnosticOptions?> byFolder, string? fallbackFolder)
    {
        _byFolder = byFolder;
        FallbackFolder = fallbackFolder;
    }

    public static SeverityConfigs Empty { get; } = new(ImmutableDictionary<string, DiagnosticOptions?>.Empty.WithComparers(StringComparer.Ordinal), null);

    /// <summary>The folder taken for a document without a file path (<c>untitled:</c>): the workspace root.</summary>
    public string? FallbackFolder { get; }

    /// <summary>The options for a file: its nearest .globalconfig's, or <see cref="DiagnosticOptions.Default"/>.</summary>
    public DiagnosticOptions For(string path)
    {
        if (FolderOf(path) is not { } start) return DiagnosticOptions.Default;
        foreach (var folder in GlobalConfigLookup.FoldersFrom(start))
        {
            if (_byFolder.TryGetValue(folder, out var options) && options is not null) return options;
        }
        return DiagnosticOptions.Default;
    }

    /// <summary>With a new fallback folder (the workspace root), whose folders are looked at too.</summary>
    public SeverityConfigs WithFallbackFolder(string folder) =>
        new SeverityConfigs(_byFolder, folder).Covering(new[] { GlobalConfigLookup.PathIn(folder) });

    /// <summary>This, with the folders of <paramref name="paths"/> and every folder above them looked at.</summary>
    public SeverityConfigs Covering(IEnumerable<string> paths)
    {
        ImmutableDictionary<string, DiagnosticOptions?>.Builder? added = null;
        foreach (var path in paths)
        {
            if (FolderOf(path) is not { } start) continue;
            foreach (var folder in GlobalConfigLookup.FoldersFrom(start))
            {
                if (_byFolder.ContainsKey(folder) || (added is not null && added.ContainsKey(folder))) break; // so are the ones above
                added ??= _byFolder.ToBuilder();
                added[folder] = Read(GlobalConfigLookup.PathIn(folder));
            }
        }
        return added is null ? this : new SeverityConfigs(added.ToImmutable(), FallbackFolder);
    }

    /// <summary>
    /// This, with the .globalconfig of the folder of <paramref name="path"/> and of every folder above it read again;
    /// the same instance when none of them changed. Clients watch only the workspace folder, so a .globalconfig above it
    /// (and, for a client that watches nothing, any) is seen to change when a document below it is opened or saved.
    /// </summary>
    public SeverityConfigs Refresh(string path)
    {
        if (FolderOf(path) is not { } start) return this;
        ImmutableDictionary<string, DiagnosticOptions?>.Builder? changed = null;
        foreach (var folder in GlobalConfigLookup.FoldersFrom(start))
        {
            var options = Read(GlobalConfigLookup.PathIn(folder));
            if (_byFolder.TryGetValue(folder, out var held) && Same(held, options)) continue;
            changed ??= _byFolder.ToBuilder();
            changed[folder] = options;
        }
        return changed is null ? this : new SeverityConfigs(changed.ToImmutable(), FallbackFolder);
    }

    /// <summary>This, with the .globalconfig at <paramref name="configPath"/> read again (created, changed or deleted).</summary>
    public SeverityConfigs Reload(string configPath) =>
        Path.GetDirectoryName(configPath) is { } folder
            ? new SeverityConfigs(_byFolder.SetItem(folder, Read(configPath)), FallbackFolder).Covering(new[] { folder }) // and the folders above
            : this;

    private string? FolderOf(string path) =>
        Path.IsPathRooted(path) ? Path.GetDirectoryName(path) : FallbackFolder;

    private static bool Same(DiagnosticOptions? a, DiagnosticOptions? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.Severities.Count != b.Severities.Count) return false;
        foreach (var pair in a.Severities)
        {
            if (!b.Severities.TryGetValue(pair.Key, out var severity) || severity != pair.Value) return false;
        }
        return true;
    }

    private static DiagnosticOptions? Read(string config)
    {
        try
        {
            return File.Exists(config) ? DiagnosticOptions.ParseGlobalConfig(File.ReadAllText(config)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

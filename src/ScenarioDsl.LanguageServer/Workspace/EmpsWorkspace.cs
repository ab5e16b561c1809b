using System.Collections.Immutable;
using System.Text;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;
using ScenarioDsl.LanguageServer.Protocol;

namespace ScenarioDsl.LanguageServer.Workspace;

/// <summary>
/// The mutable holder of the current <see cref="WorkspaceSnapshot"/>. Changes are applied one at a
/// time under a lock, each producing a new snapshot; reads take the current snapshot.
/// </summary>
public sealed class EmpsWorkspace
{
    private readonly object _gate = new();
    private WorkspaceSnapshot _current = WorkspaceSnapshot.Empty;
    private string? _root;

    /// <param name="maxDocumentLength">Files longer than this (UTF-16 units) are left out of the compilation (open ones are still kept in sync).</param>
    public EmpsWorkspace(int maxDocumentLength = int.MaxValue) => MaxDocumentLength = maxDocumentLength;

    public int MaxDocumentLength { get; }

    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    public string? Root => _root;

    /// <summary>Reads every .emps file under <paramref name="root"/> and the .globalconfig files that apply to them.</summary>
    public void LoadFolder(string root)
    {
        _root = Path.GetFullPath(root);
        var texts = new List<SourceText>();
        if (Directory.Exists(_root))
        {
            foreach (var file in EmpsFolders.EnumerateFiles(_root))
            {
                var text = TryRead(file);
                if (text is not null && text.Length <= MaxDocumentLength) texts.Add(text);
            }
        }
        lock (_gate)
        {
            var open = _current.OpenDocuments;
            // In path order (ordinal), as `emps check` and the generator compile them.
            var compilation = EmpsCompilation.Create(texts.Where(t => !open.ContainsKey(t.Path))
                .Concat(open.Values.Where(d => !d.TooLarge && IsWorkspaceDocument(d.Path)).Select(d => d.Text))
                .OrderBy(t => t.Path, StringComparer.Ordinal));
            var loose = ImmutableDictionary<string, EmpsCompilation>.Empty.WithComparers(StringComparer.Ordinal).AddRange(
                open.Values.Where(d => !d.TooLarge && !IsWorkspaceDocument(d.Path)).Select(d => new KeyValuePair<string, EmpsCompilation>(d.Path,
                    _current.Loose.TryGetValue(d.Path, out var own) ? own : EmpsCompilation.Create(new[] { d.Text }))));
            var severities = _current.Severities.WithFallbackFolder(_root).Covering(compilation.SyntaxTrees.Select(t => t.Path));
            Publish(new WorkspaceSnapshot(compilation, loose, open, severities, _current.Generation + 1));
        }
    }

    public WorkspaceSnapshot Open(string uri, int version, string text)
    {
        string path = DocumentUris.ToPath(uri);
        lock (_gate)
        {
            var source = SourceText.FromEditor(text, path);
            var doc = new OpenDocument(uri, path, version, source, source.Length > MaxDocumentLength);
            return Publish(WithDocument(_current, doc, _current.Severities.Refresh(path)));
        }
    }

    /// <summary>
    /// A document was saved: the .globalconfig files that may apply to it (its folder's and those above, also above the
    /// workspace root, which clients do not watch) are read again. Null when none changed (the snapshot stays).
    /// </summary>
    public WorkspaceSnapshot? Saved(string uri)
    {
        string path = DocumentUris.ToPath(uri);
        lock (_gate)
        {
            var severities = _current.Severities.Refresh(path);
            if (ReferenceEquals(severities, _current.Severities)) return null;
            return Publish(new WorkspaceSnapshot(_current.Compilation, _current.Loose, _current.OpenDocuments, severities, _current.Generation + 1));
        }
    }

    /// <summary>
    /// Applies content changes in order. A change for a document that is not open, or whose version
    /// is not newer than the one held, is ignored (returns null).
    /// </summary>
    public WorkspaceSnapshot? Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        string path = DocumentUris.ToPath(uri);
        lock (_gate)
        {
            if (!_current.OpenDocuments.TryGetValue(path, out var doc) || version <= doc.Version) return null;
            var text = doc.Text;
            foreach (var change in changes)
                text = Apply(text, change);
            var updated = doc with { Version = version, Text = text, TooLarge = text.Length > MaxDocumentLength };
            return Publish(WithDocument(_current, updated, _current.Severities));
        }
    }

    /// <summary>
    /// Closes a document: the file's disk content takes its place when the workspace compiles that file (under the root,
    /// not in a skipped folder); otherwise it leaves the compilation (a loose document, its own compilation).
    /// </summary>
    public WorkspaceSnapshot Close(string uri)
    {
        string path = DocumentUris.ToPath(uri);
        lock (_gate)
        {
            if (_current.Loose.ContainsKey(path) || (_current.OpenDocuments.ContainsKey(path) && !IsWorkspaceDocument(path)))
                return Publish(new WorkspaceSnapshot(_current.Compilation, _current.Loose.Remove(path), _current.OpenDocuments.Remove(path), _current.Severities, _current.Generation + 1));
            var compilation = _current.Compilation;
            var onDisk = IsWorkspaceFile(path) ? TryRead(path) : null;
            if (onDisk is not null && onDisk.Length > MaxDocumentLength) onDisk = null;
            compilation = onDisk is null ? compilation.RemoveFile(path) : compilation.WithText(onDisk);
            return Publish(new WorkspaceSnapshot(compilation, _current.Loose, _current.OpenDocuments.Remove(path), _current.Severities, _current.Generation + 1));
        }
    }

    /// <summary>
    /// A watched file was created, changed or deleted on disk (open documents keep the editor's text). Files the initial
    /// load skips (outside the root, in hidden folders, <c>bin/</c>, <c>obj/</c>, <c>node_modules/</c>) stay out.
    /// </summary>
    public WorkspaceSnapshot FilesChanged(IReadOnlyList<FileEvent> events)
    {
        lock (_gate)
        {
            var compilation = _current.Compilation;
            var severities = _current.Severities;
            foreach (var e in events)
            {
                string path = DocumentUris.ToPath(e.Uri);
                if (Path.GetFileName(path) == GlobalConfigLookup.FileName)
                {
                    severities = severities.Reload(path);
                    continue;
                }
                if (!path.EndsWith(".emps", StringComparison.OrdinalIgnoreCase))
                {
                    compilation = FolderChanged(compilation, path, e.Type);
                    continue;
                }
                if (_current.OpenDocuments.ContainsKey(path)) continue;
                var text = e.Type == FileChangeType.Deleted || !IsWorkspaceFile(path) ? null : TryRead(path);
                if (text is not null && text.Length > MaxDocumentLength) text = null;
                compilation = text is null ? compilation.RemoveFile(path) : compilation.WithText(text);
            }
            // Events that change nothing (a file of another kind created or deleted) leave the snapshot as it is.
            if (ReferenceEquals(compilation, _current.Compilation) && ReferenceEquals(severities, _current.Severities)) return _current;
            if (!ReferenceEquals(compilation, _current.Compilation)) severities = severities.Covering(compilation.SyntaxTrees.Select(t => t.Path));
            return Publish(new WorkspaceSnapshot(compilation, _current.Loose, _current.OpenDocuments, severities, _current.Generation + 1));
        }
    }

    /// <summary>
    /// Any other path: it may be a folder, which a client reports as one event, not one per file in it. A deleted one
    /// takes its files that no longer exist along; a created one (or one moved in) brings its .emps files, as
    /// <see cref="LoadFolder"/> would find them. Open documents keep the editor's text.
    /// </summary>
    private EmpsCompilation FolderChanged(EmpsCompilation compilation, string path, int type)
    {
        if (type == FileChangeType.Deleted)
        {
            string prefix = path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.Path.StartsWith(prefix, StringComparison.Ordinal) && !_current.OpenDocuments.ContainsKey(tree.Path) && !File.Exists(tree.Path))
                    compilation = compilation.RemoveFile(tree.Path);
            }
        }
        else if (type == FileChangeType.Created && IsWorkspaceFolder(path) && new DirectoryInfo(path) is { Exists: true, LinkTarget: null })
        {
            foreach (var file in EmpsFolders.EnumerateFiles(path))
            {
                if (_current.OpenDocuments.ContainsKey(file)) continue;
                var text = TryRead(file);
                if (text is not null && text.Length <= MaxDocumentLength) compilation = compilation.WithText(text);
            }
        }
        return compilation;
    }

    /// <summary>
    /// The snapshot with an open document's new text: in the workspace's compilation when it is a workspace file,
    /// else in a compilation of its own (left out of both while it is too large).
    /// </summary>
    private WorkspaceSnapshot WithDocument(WorkspaceSnapshot current, OpenDocument doc, SeverityConfigs severities)
    {
        var compilation = current.Compilation;
        var loose = current.Loose;
        if (IsWorkspaceDocument(doc.Path))
            compilation = doc.TooLarge ? compilation.RemoveFile(doc.Path) : compilation.WithText(doc.Text);
        else if (doc.TooLarge)
            loose = loose.Remove(doc.Path);
        else
            loose = loose.SetItem(doc.Path, loose.TryGetValue(doc.Path, out var own) ? own.WithText(doc.Text) : EmpsCompilation.Create(new[] { doc.Text }));
        return new WorkspaceSnapshot(compilation, loose, current.OpenDocuments.SetItem(doc.Path, doc), severities, current.Generation + 1);
    }

    /// <summary>
    /// A document that belongs to the workspace's compilation: a file <see cref="LoadFolder"/> compiles from disk, or
    /// any document while there is no workspace folder (the open documents are then the compilation).
    /// </summary>
    private bool IsWorkspaceDocument(string path) => _root is null || IsWorkspaceFile(path);

    internal static SourceText Apply(SourceText text, TextDocumentContentChangeEvent change)
    {
        if (change.Range is null) return SourceText.FromEditor(change.Text, text.Path);
        int start = Conversions.ToOffset(text, change.Range.Start);
        int end = Conversions.ToOffset(text, change.Range.End);
        if (end < start) (start, end) = (end, start);
        var sb = new StringBuilder(text.Length - (end - start) + change.Text.Length);
        sb.Append(text.Text, 0, start).Append(change.Text).Append(text.Text, end, text.Length - end);
        return SourceText.FromEditor(sb.ToString(), text.Path);
    }

    private WorkspaceSnapshot Publish(WorkspaceSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        return snapshot;
    }

    private bool IsUnderRoot(string path) =>
        _root is not null && path.StartsWith(_root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A file <see cref="LoadFolder"/> compiles from disk: not hidden, under the root, in no folder it skips.</summary>
    private bool IsWorkspaceFile(string path) => EmpsFolders.IsEmpsFileName(Path.GetFileName(path)) && Path.GetDirectoryName(path) is { } folder && IsWorkspaceFolder(folder);

    /// <summary>The root or a folder under it that <see cref="LoadFolder"/> enters (no skipped folder on the way).</summary>
    private bool IsWorkspaceFolder(string folder)
    {
        if (_root is null) return false;
        if (string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar), _root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) return true;
        return IsUnderRoot(folder) && !Path.GetRelativePath(_root, folder).Split(Path.DirectorySeparatorChar).Any(EmpsFolders.IsSkippedFolderName);
    }

    private static SourceText? TryRead(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return null;
            // Size 0 is an empty file, or a named pipe or socket called *.emps: opening a pipe waits for a writer and
            // would stop the server, so such an entry is not opened (as `emps check` does for files found in folders).
            return SourceText.FromBytes(info.Length == 0 ? [] : File.ReadAllBytes(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

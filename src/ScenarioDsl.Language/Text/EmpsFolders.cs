namespace ScenarioDsl.Language.Text;

/// <summary>
/// Which .emps files a folder holds, as every front end that walks folders finds them (<c>emps check</c>, <c>fmt</c>,
/// <c>run</c>, <c>generate</c> and the language server's workspace): <c>*.emps</c> files (that case) below it,
/// recursively; hidden files and folders (names starting with '.', or marked hidden or system) and folders named
/// <c>bin</c>, <c>obj</c> or <c>node_modules</c> skipped, since copies there would be duplicate declarations; links to
/// folders not followed, so a link loop cannot make the walk endless; folders that cannot be read skipped.
/// </summary>
public static class EmpsFolders
{
    public const string Extension = ".emps";

    private const FileAttributes Skipped = FileAttributes.Hidden | FileAttributes.System;

    /// <summary>Build output, package and hidden folders: the walk does not enter them.</summary>
    public static bool IsSkippedFolderName(string name) =>
        name == "bin" || name == "obj" || name == "node_modules" || name.StartsWith(".", StringComparison.Ordinal);

    /// <summary>A file name the walk takes: <c>*.emps</c>, not hidden.</summary>
    public static bool IsEmpsFileName(string name) =>
        name.EndsWith(Extension, StringComparison.Ordinal) && !name.StartsWith(".", StringComparison.Ordinal);

    /// <summary>The .emps files below <paramref name="folder"/>: each folder's files in ordinal order, then its subfolders.</summary>
    public static IEnumerable<string> EnumerateFiles(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            FileInfo[] files;
            DirectoryInfo[] folders;
            try
            {
                var info = new DirectoryInfo(current);
                files = info.GetFiles("*" + Extension, SearchOption.TopDirectoryOnly);
                folders = info.GetDirectories("*", SearchOption.TopDirectoryOnly);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
            {
                continue;
            }
            foreach (var file in files.Where(f => (f.Attributes & Skipped) == 0 && IsEmpsFileName(f.Name))
                         .Select(f => f.FullName).OrderBy(f => f, StringComparer.Ordinal))
                yield return file;
            foreach (var sub in folders)
            {
                if ((sub.Attributes & (Skipped | FileAttributes.ReparsePoint)) == 0 && !IsSkippedFolderName(sub.Name))
                    pending.Push(sub.FullName);
            }
        }
    }
}

namespace ScenarioDsl.Cli.Input;

/// <summary>
/// One .emps file to read: its absolute path, the path printed in diagnostics, and whether it was found by walking a
/// folder (<paramref name="FoundInFolder"/>) rather than named on the command line.
/// </summary>
public sealed record InputFile(string FullPath, string DisplayPath, bool FoundInFolder = false)
{
    /// <summary>
    /// The file's bytes. A file found in a folder whose size is 0 is not opened: a named pipe or a socket reports size
    /// 0 too, and opening a pipe waits for a writer, so a stray FIFO called <c>*.emps</c> would stop a folder walk for
    /// good (.NET cannot tell a pipe from a file without native calls). An empty regular file reads as empty either
    /// way. A file named on the command line is always read, as <c>cat</c> would read it.
    /// </summary>
    public byte[] ReadAllBytes() =>
        FoundInFolder && new FileInfo(FullPath).Length == 0 ? [] : File.ReadAllBytes(FullPath);
}

using System.Text;

namespace ScenarioDsl.Cli.Tests.Infrastructure;

/// <summary>
/// A scratch folder for one test, deleted afterwards. It holds an empty <c>.globalconfig</c> at its
/// root so that no configuration above it (in /tmp or elsewhere) can change the results.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "emps-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Write(".globalconfig", "is_global = true\n");
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => Write(relativePath, Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        string full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public CliResult Run(params string[] args) => CliRunner.Run(Path, args);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

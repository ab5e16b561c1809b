using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ScenarioDsl.Llm.Tests.Fakes;

/// <summary>
/// The built <c>emps</c> (the emps.dll of the CLI project's output folder, with its dependencies beside it; the
/// test project embeds its path, see the csproj) as a real child process, started through the <c>dotnet</c> host.
/// Standard output and error are captured; disposing kills the process (and its children) if it is still running.
/// </summary>
public sealed class EmpsProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private EmpsProcess(Process process) => _process = process;

    public static string EmpsDll { get; } =
        typeof(EmpsProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "EmpsDll")?.Value
        ?? throw new InvalidOperationException("the test assembly does not say where emps.dll is (EmpsDll metadata)");

    /// <summary>The dotnet host: the SDK's (DOTNET_HOST_PATH), else the one of the running runtime, else dotnet on the PATH.</summary>
    public static string DotnetHost
    {
        get
        {
            string exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
            // RUNTIME_ROOT/shared/Microsoft.NETCore.App/VERSION/ -> RUNTIME_ROOT/dotnet
            var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var candidate = Path.Combine(root, exe);
            return File.Exists(candidate) ? candidate : exe;
        }
    }

    /// <param name="workingDirectory">The child's current directory (relative paths in the arguments resolve there).</param>
    /// <param name="environment">Variables to set (a null value removes one) on top of this process's.</param>
    /// <param name="args">The emps arguments.</param>
    public static EmpsProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        if (!File.Exists(EmpsDll)) throw new FileNotFoundException("emps.dll is not built; build the solution first", EmpsDll);
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(EmpsDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new EmpsProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._out, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Out
    {
        get { lock (_out) return _out.ToString(); }
    }

    public string Error
    {
        get { lock (_error) return _error.ToString(); }
    }

    /// <summary>Exit code, standard output and standard error, for assertion messages.</summary>
    public string Transcript => $"exit: {(HasExited ? ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "running")}\n--- stdout ---\n{Out}--- stderr ---\n{Error}";

    /// <summary>Waits for the process to exit (and its output to be read); false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills the process and everything it started, at once (no chance to clean up: as a crash or kill -9 would).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null) return;
        lock (builder) builder.Append(line).Append('\n');
    }
}

namespace ScenarioDsl.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of <c>emps</c> produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Exit code, stdout and stderr in one readable block, as the text baselines store them.</summary>
    public string ToTranscript() =>
        $"exit code: {ExitCode}\n--- stdout ---\n{Out}--- stderr ---\n{Error}";
}

/// <summary>Runs <c>emps</c> in-process with captured output and a chosen working directory.</summary>
public static class CliRunner
{
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exitCode = EmpsCli.Run(args, new CliContext(output, error, workingDirectory));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

using System.CommandLine;

namespace ScenarioDsl.Cli;

/// <summary>
/// Where a verb writes and what it resolves relative paths against. <see cref="Program.Main"/> uses the
/// process console and current directory; tests pass their own writers and folder.
/// Verbs get it with <see cref="Of(ParseResult)"/>.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    public static CliContext FromConsole() => new(Console.Out, Console.Error, Environment.CurrentDirectory);

    /// <summary>The context a command line is being run with (the console when none was given).</summary>
    public static CliContext Of(ParseResult parseResult) =>
        parseResult.InvocationConfiguration is ContextInvocationConfiguration configured
            ? configured.Context
            : FromConsole();

    /// <summary>Resolves a path as the user typed it against <see cref="WorkingDirectory"/>.</summary>
    public string GetFullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    internal InvocationConfiguration ToInvocationConfiguration() => new ContextInvocationConfiguration(this);

    /// <summary>How long a verb may take to stop after Ctrl+C, SIGINT or SIGTERM.</summary>
    public static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(10);

    private sealed class ContextInvocationConfiguration : InvocationConfiguration
    {
        public ContextInvocationConfiguration(CliContext context)
        {
            Context = context;
            Output = context.Out;
            Error = context.Error;
            // After Ctrl+C a verb gets this long to stop cleanly (emps run: cancel the calls in flight,
            // write the report) before the process exits with 130 anyway.
            ProcessTerminationTimeout = TerminationGrace;
        }

        public CliContext Context { get; }
    }
}

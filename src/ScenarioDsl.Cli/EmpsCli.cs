using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace ScenarioDsl.Cli;

/// <summary>Builds the <c>emps</c> root command from <see cref="Program.Verbs"/> and runs one command line.</summary>
public static class EmpsCli
{
    /// <summary>Exit code for bad usage: unknown verbs or options, missing or unreadable paths.</summary>
    public const int UsageError = 2;

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("emps: check, run, format and generate code for .emps scenario files.");
        foreach (var verb in Program.Verbs) root.Subcommands.Add(verb());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        // No response files: every argument that is not an option is a path, `@notes.emps` included.
        var parseResult = CreateRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // A bare `emps` gets the parser's errors with the help; any other usage error is one line per error, in the
        // same form as the verbs' own: `emps VERB: error: message`.
        if (parseResult.Action is ParseErrorAction parseError) parseError.ShowHelp = args.Length == 0;
        if (parseResult.Errors.Count > 0 && args.Length > 0)
        {
            foreach (var error in parseResult.Errors) context.Error.Write($"{Who(parseResult)}: error: {OneLine(error.Message)}\n");
            return UsageError;
        }
        if (parseResult.Errors.Count == 0 && UnknownOptions(parseResult) is [var unknown, ..])
        {
            context.Error.Write($"{Who(parseResult)}: error: unknown option '{unknown}' (a path that starts with '-' goes after '--')\n");
            return UsageError;
        }
        // InvokeAsync: only the asynchronous pipeline turns Ctrl+C / SIGINT / SIGTERM into the
        // cancellation token the verbs receive (the synchronous one leaves the signal to the runtime,
        // which ends the process at once, without the verb's cleanup).
        int exitCode = parseResult.InvokeAsync(context.ToInvocationConfiguration()).GetAwaiter().GetResult();
        return parseResult.Errors.Count > 0 ? UsageError : exitCode;
    }

    /// <summary><c>emps VERB</c>, or <c>emps</c> when no verb was recognized.</summary>
    private static string Who(ParseResult parseResult) =>
        parseResult.CommandResult.Command is RootCommand ? "emps" : "emps " + parseResult.CommandResult.Command.Name;

    /// <summary>
    /// A parser message on one line: a list the parser puts on lines of its own ("Must be one of:" then one value a line)
    /// joins its first line with commas.
    /// </summary>
    internal static string OneLine(string message)
    {
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return lines.Length <= 1 ? (lines.FirstOrDefault() ?? message.Trim()) : lines[0] + " " + string.Join(", ", lines.Skip(1));
    }

    /// <summary>
    /// Tokens a verb's PATH argument took that look like options (<c>--bogus</c>, <c>-x</c>) and came before any
    /// <c>--</c>: System.CommandLine hands an unknown option to an argument that takes many values, which then
    /// reported it as a missing path. After <c>--</c> every token is a path.
    /// </summary>
    private static IReadOnlyList<string> UnknownOptions(ParseResult parseResult)
    {
        var beforeDoubleDash = new HashSet<Token>(
            parseResult.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash),
            ReferenceEqualityComparer.Instance);
        return parseResult.CommandResult.Children
            .OfType<ArgumentResult>()
            .SelectMany(argument => argument.Tokens)
            .Where(t => t.Value.Length > 1 && t.Value[0] == '-' && beforeDoubleDash.Contains(t))
            .Select(t => t.Value)
            .ToArray();
    }
}

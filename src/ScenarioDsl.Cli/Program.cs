using System.CommandLine;
using ScenarioDsl.Cli.Commands;

namespace ScenarioDsl.Cli;

public static class Program
{
    /// <summary>The verbs of <c>emps</c>: one class per verb, each with <c>public static Command Create()</c>.</summary>
    internal static IReadOnlyList<Func<Command>> Verbs { get; } =
    [
        CheckCommand.Create,
        RunCommand.Create,
        FmtCommand.Create,
        LspCommand.Create,
        MergeCommand.Create,
        GenerateCommand.Create,
    ];

    public static int Main(string[] args) => EmpsCli.Run(args, CliContext.FromConsole());
}

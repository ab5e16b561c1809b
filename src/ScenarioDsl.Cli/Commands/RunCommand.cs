using System.CommandLine;
using ScenarioDsl.Cli.Llm;
using ScenarioDsl.Cli.Run;
using ScenarioDsl.Runtime.Reports;
using Spectre.Console;

namespace ScenarioDsl.Cli.Commands;

/// <summary>
/// <c>emps run PATH... [--agent NAME]... [--seed N] [--out DIR]</c>: runs every scenario and suite case
/// of the files with each agent, writes DIR/results.jsonl and DIR/report.html, prints a scorecard.
/// A live progress bar on a terminal, plain lines when output is redirected. Exit 0 when done,
/// 1 when the files have errors, 2 for bad usage, 130 when cancelled (rerun to resume).
/// </summary>
public static class RunCommand
{
    public const string DefaultOut = "emps-report";

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "The .emps files or folders (searched recursively) whose scenarios and suites to run.",
            Arity = ArgumentArity.OneOrMore,
        };
        var agents = new Option<string[]>("--agent", "-a")
        {
            Description = "Agent(s): generic, validating, aligned, sycophant, scripted:FILE (a text file of replies, line t at turn t, the last one repeating), llm, llm:VARIANT (see --llm-prompt); repeat or comma-separate (a value scripted:FILE naming an existing file is one agent, commas and all). Default: the four reference agents.",
            HelpName = "NAME",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = false,
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "Run every scenario and suite case with this seed instead of its own (0..2147483647).",
            HelpName = "N",
            // The language's seed range (docs/language.md), with a message that names no .NET type.
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)) return value;
                result.AddError($"--seed: '{text}' is not a whole number in 0..2147483647.");
                return null;
            },
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for results.jsonl and report.html; finished runs found there are skipped.",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultOut,
        }.RequireFolderName();

        var reportRuns = ReportRunsOption();

        var command = new Command("run", "Run scenarios and suites with agents; write results and an HTML report.") { paths, agents, seed, output, reportRuns };
        // LLM agents and sweeps (docs/llm.md): --llm-endpoint/--llm-model/--llm-prompt, --record/--replay, --shard, --parallel, --dry-run.
        var llm = new LlmRunOptions();
        llm.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var context = CliContext.Of(parseResult);
            var request = new RunRequest(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(agents) ?? [],
                parseResult.GetValue(seed),
                parseResult.GetValue(output) ?? DefaultOut)
            {
                Llm = llm.Read(parseResult),
                ReportRuns = parseResult.GetValue(reportRuns),
            };
            return RunAsync(context, request, cancellationToken);
        });
        return command;
    }

    /// <summary><c>--report-runs N</c> of run and merge: how many runs report.html shows in its table and figures.</summary>
    internal static Option<int> ReportRunsOption() => new Option<int>("--report-runs")
    {
        Description = $"How many runs report.html shows in its scorecard table and figures, the first ones (default {HtmlReport.DefaultMaxRuns}, about 12 KB each; its score bars cover every run).",
        HelpName = "N",
        DefaultValueFactory = _ => HtmlReport.DefaultMaxRuns,
    }.Count();

    public static Task<int> RunAsync(CliContext context, RunRequest request, CancellationToken cancellationToken)
    {
        bool terminal = ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected;
        if (terminal)
        {
            var console = AnsiConsole.Console;
            return new RunSession(context, new SpectreRunProgress(console), rows => Scorecard.WriteSpectre(console, rows)).RunAsync(request, cancellationToken);
        }
        return new RunSession(context, new PlainRunProgress(context.Out, context.Error), rows => Scorecard.WritePlain(context.Out, rows)).RunAsync(request, cancellationToken);
    }
}

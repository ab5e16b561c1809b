using System.CommandLine;
using System.CommandLine.Parsing;
using ScenarioDsl.Cli.Input;
using ScenarioDsl.Cli.Output;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Commands;

/// <summary>
/// <c>emps check PATH...</c>: compiles every named .emps file (folders recursively) as one
/// compilation and prints its diagnostics. Exit 0 without errors, 1 with errors, 2 for bad usage.
/// </summary>
public static class CheckCommand
{
    public const int Success = 0;
    public const int ErrorsFound = 1;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "The .emps files or folders (searched recursively for *.emps) to check as one compilation.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (MSBuild-style lines), json or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        format.AcceptOnlyFromAmong([.. OutputFormat.All]);
        var severity = new Option<string[]>("--severity")
        {
            Description = "Change a code's severity, after any .globalconfig: CODE=error|warning|info|none (repeatable).",
            HelpName = "CODE=LEVEL",
            DefaultValueFactory = _ => [],
        };
        severity.Validators.Add(ValidateSeverities);

        var command = new Command("check", "Report the diagnostics of .emps files.") { paths, format, severity };
        command.SetAction(parseResult => Run(
            CliContext.Of(parseResult),
            parseResult.GetValue(paths) ?? [],
            parseResult.GetValue(format) ?? OutputFormat.Text,
            ParseSeverities(parseResult.GetValue(severity) ?? [])));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, string format, IReadOnlyDictionary<string, DiagnosticSeverity> overrides)
    {
        var inputs = InputExpander.Expand(paths, context.WorkingDirectory);
        if (inputs.Errors.Count > 0) return UsageError(context, inputs.Errors);
        if (inputs.Files.Count == 0)
        {
            return UsageError(context, [$"no {InputExpander.Extension} files found in {string.Join(", ", inputs.EmptyFolders.Select(f => $"'{f}'"))}"]);
        }

        var (texts, readErrors) = SourceReader.ReadAll(inputs.Files);
        if (readErrors.Count > 0) return UsageError(context, readErrors);

        IReadOnlyList<Diagnostic> diagnostics;
        try
        {
            diagnostics = SeverityConfiguration.Apply(EmpsCompilation.Create(texts).Diagnostics, inputs.Files, overrides);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return UsageError(context, [$"cannot read {GlobalConfigLocator.FileName}: {e.Message}"]);
        }

        var report = new CheckReport(inputs.Files.Select(f => f.DisplayPath).ToArray(), diagnostics);
        // Rendered whole, then written once: thousands of diagnostics are one write, not one per line.
        var rendered = new StringWriter { NewLine = "\n" };
        OutputFormat.CreateRenderer(format).Render(report, rendered);
        context.Out.Write(rendered.ToString());
        context.Out.Flush();
        if (format == OutputFormat.Text) context.Error.Write(report.Summary + "\n");
        return report.HasErrors ? ErrorsFound : Success;
    }

    private static int UsageError(CliContext context, IEnumerable<string> messages)
    {
        foreach (var message in messages) context.Error.Write($"emps check: error: {message}\n");
        return EmpsCli.UsageError;
    }

    private static void ValidateSeverities(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (TryParseSeverity(token.Value, out _, out _)) continue;
            result.AddError($"invalid --severity '{token.Value}': expected CODE=LEVEL with a known EMPS code and LEVEL one of error, warning, info, none");
        }
    }

    private static Dictionary<string, DiagnosticSeverity> ParseSeverities(IEnumerable<string> values)
    {
        var result = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            if (TryParseSeverity(value, out var code, out var level)) result[code] = level;
        }
        return result;
    }

    private static bool TryParseSeverity(string value, out string code, out DiagnosticSeverity severity)
    {
        code = "";
        severity = default;
        int eq = value.IndexOf('=');
        if (eq <= 0) return false;
        var descriptor = DiagnosticCatalogue.Find(value[..eq].Trim());
        var parsed = DiagnosticOptions.ParseSeverity(value[(eq + 1)..].Trim());
        if (descriptor is null || parsed is null) return false;
        code = descriptor.Code;
        severity = parsed.Value;
        return true;
    }
}

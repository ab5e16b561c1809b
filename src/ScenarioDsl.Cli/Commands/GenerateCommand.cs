using System.CommandLine;
using ScenarioDsl.Cli.Generate;
using ScenarioDsl.Cli.Input;
using ScenarioDsl.Cli.Output;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Cli.Commands;

/// <summary>
/// <c>emps generate FILE... [--namespace NS] [--xunit] [--out DIR]</c>: prints (or writes) the C# the source
/// generator emits for the named .emps files (folders recursively, one compilation), by running the generator
/// itself (<see cref="GeneratorHost"/>). Diagnostics go to standard error as <c>emps check</c> prints them.
/// Exit 0 without errors, 1 with errors (the declarations without errors are still generated), 2 for bad usage.
/// </summary>
public static class GenerateCommand
{
    public const int Success = 0;
    public const int ErrorsFound = 1;

    public static Command Create()
    {
        var paths = new Argument<string[]>("FILE")
        {
            Description = "The .emps files or folders (searched recursively for *.emps) to generate code for, as one compilation.",
            Arity = ArgumentArity.OneOrMore,
        };
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "Namespace of the generated code, as the EmpsNamespace MSBuild property gives it (default: the global namespace).",
            HelpName = "NS",
        };
        var xunit = new Option<bool>("--xunit")
        {
            Description = "Generate as for a project that references xunit v2 (suite cases implement IXunitSerializable).",
        };
        var outDirectory = new Option<string?>("--out", "-o")
        {
            Description = "Write one file per generated file (named by its hint name) into DIR instead of printing.",
            HelpName = "DIR",
        }.RequireFolderName();

        var command = new Command("generate", "Print the C# the source generator emits for .emps files.") { paths, ns, xunit, outDirectory };
        command.SetAction(parseResult => Run(
            CliContext.Of(parseResult),
            parseResult.GetValue(paths) ?? [],
            new GeneratorSettings(parseResult.GetValue(ns), parseResult.GetValue(xunit)),
            parseResult.GetValue(outDirectory)));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, GeneratorSettings settings, string? outDirectory)
    {
        var inputs = InputExpander.Expand(paths, context.WorkingDirectory);
        if (inputs.Errors.Count > 0) return UsageError(context, inputs.Errors);
        if (inputs.Files.Count == 0)
        {
            return UsageError(context, [$"no {InputExpander.Extension} files found in {string.Join(", ", inputs.EmptyFolders.Select(f => $"'{f}'"))}"]);
        }
        // A build hands the generator only *.emps additional files (the generator ignores any other):
        // a file named with another extension would silently generate nothing.
        var notEmps = inputs.Files.Where(f => !f.FullPath.EndsWith(InputExpander.Extension, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (notEmps.Length > 0)
        {
            return UsageError(context, notEmps.Select(f => $"not a {InputExpander.Extension} file: '{f.DisplayPath}' (the generator reads only *{InputExpander.Extension} files)"));
        }
        string? outFullPath = outDirectory is null ? null : context.GetFullPath(outDirectory);
        if (outFullPath is not null && File.Exists(outFullPath))
        {
            return UsageError(context, [$"--out '{outDirectory}' is a file, not a folder"]);
        }

        var (texts, readErrors) = SourceReader.ReadAll(inputs.Files);
        if (readErrors.Count > 0) return UsageError(context, readErrors);

        // Diagnostics exactly as `emps check` computes them (same compilation, same .globalconfig severities).
        IReadOnlyList<Diagnostic> diagnostics;
        try
        {
            diagnostics = SeverityConfiguration.Apply(EmpsCompilation.Create(texts).Diagnostics, inputs.Files, new Dictionary<string, DiagnosticSeverity>());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return UsageError(context, [$"cannot read {GlobalConfigLocator.FileName}: {e.Message}"]);
        }
        var report = new CheckReport(inputs.Files.Select(f => f.DisplayPath).ToArray(), diagnostics);

        // The generator gets what a build gives it: absolute paths (they appear in #line directives) and the text.
        IReadOnlyList<GeneratedFile> generated;
        try
        {
            generated = GeneratorHost.Run(inputs.Files.Zip(texts, (file, text) => (file.FullPath, text.Text)), settings);
        }
        catch (GeneratorFailedException e)
        {
            WriteDiagnostics(context, report);
            context.Error.Write($"emps generate: error: {e.Message}\n");
            return ErrorsFound;
        }

        int written = outFullPath is null ? Print(context, generated) : Write(context, generated, outDirectory!, outFullPath);
        WriteDiagnostics(context, report);
        if (written < 0) return EmpsCli.UsageError;
        if (generated.Count == 0 && !report.HasErrors)
        {
            context.Error.Write("emps generate: the files declare nothing the generator emits code for.\n");
        }
        return report.HasErrors ? ErrorsFound : Success;
    }

    /// <summary>Every generated file on standard output, in hint-name order, each under a <c>// HINT</c> line, separated by a blank line.</summary>
    private static int Print(CliContext context, IReadOnlyList<GeneratedFile> generated)
    {
        var output = new StringWriter { NewLine = "\n" };
        for (int i = 0; i < generated.Count; i++)
        {
            if (i > 0) output.Write('\n');
            output.Write("// " + generated[i].HintName + "\n");
            output.Write(generated[i].Text);
            if (!generated[i].Text.EndsWith('\n')) output.Write('\n');
        }
        context.Out.Write(output.ToString());
        context.Out.Flush();
        return generated.Count;
    }

    /// <summary>
    /// Writes DIR/HINT for each generated file whose content differs from what is there (unchanged files keep their
    /// timestamps) and lists the written ones on standard output. Never deletes anything. -1 when a file cannot be written.
    /// </summary>
    private static int Write(CliContext context, IReadOnlyList<GeneratedFile> generated, string outDirectory, string outFullPath)
    {
        int written = 0;
        foreach (var file in generated)
        {
            string full = Path.Combine(outFullPath, file.HintName);
            string display = Path.Combine(outDirectory, file.HintName).Replace('\\', '/');
            try
            {
                Directory.CreateDirectory(outFullPath);
                if (File.Exists(full) && File.ReadAllText(full) == file.Text) continue;
                File.WriteAllText(full, file.Text);
                context.Out.Write($"wrote {display}\n");
                written++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.Write($"emps generate: error: cannot write '{display}': {e.Message}\n");
                return -1;
            }
        }
        context.Out.Flush();
        return written;
    }

    /// <summary>The diagnostics as <c>emps check</c> prints them (MSBuild lines, then the summary), on standard error; nothing when there are none.</summary>
    private static void WriteDiagnostics(CliContext context, CheckReport report)
    {
        if (report.Diagnostics.Count == 0) return;
        var rendered = new StringWriter { NewLine = "\n" };
        new MsBuildTextRenderer().Render(report, rendered);
        rendered.Write(report.Summary + "\n");
        context.Error.Write(rendered.ToString());
    }

    private static int UsageError(CliContext context, IEnumerable<string> messages)
    {
        foreach (var message in messages) context.Error.Write($"emps generate: error: {message}\n");
        return EmpsCli.UsageError;
    }
}

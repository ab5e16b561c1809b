using ScenarioDsl.Cli.Input;
using System.CommandLine;
using System.Text;
using ScenarioDsl.Language.Formatting;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Cli.Commands;

/// <summary>
/// <c>emps fmt PATH... [--check]</c>: rewrites .emps files in the canonical layout (only the files
/// that change). PATH is a file or a folder (its .emps files, recursively, bin/ and obj/ skipped).
/// Exit codes: 0 all formatted (or, with --check, nothing would change); 1 with --check when a
/// file would change, or when a file has syntax errors or is not valid UTF-8 (reported and left
/// untouched, byte for byte); 2 for a path that does not exist or cannot be read or written.
/// </summary>
public static class FmtCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = ".emps files or folders to format",
            Arity = ArgumentArity.OneOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Do not write: list the files that would change and exit 1 when any would",
        };
        var command = new Command("fmt", "Format .emps files in the canonical layout (comments kept)");
        command.Arguments.Add(paths);
        command.Options.Add(check);
        command.SetAction(parseResult =>
        {
            var context = CliContext.Of(parseResult);
            return Run(parseResult.GetValue(paths) ?? Array.Empty<string>(), parseResult.GetValue(check), context);
        });
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, bool check, CliContext context)
    {
        var output = context.Out;
        var error = context.Error;
        // The same expansion as `emps check`: hidden, bin/, obj/ and node_modules/ folders skipped,
        // folder links not followed (a link loop cannot make the walk endless), each file once.
        var inputs = InputExpander.Expand(paths, context.WorkingDirectory);
        foreach (var message in inputs.Errors) error.WriteLine($"emps fmt: error: {message}");
        if (inputs.Errors.Count > 0) return 2;
        if (inputs.Files.Count == 0)
        {
            // As `emps check`: a typo or a wrong working directory in CI must not pass `fmt --check` in silence.
            error.WriteLine($"emps fmt: error: no {InputExpander.Extension} files found in {string.Join(", ", inputs.EmptyFolders.Select(f => $"'{f}'"))}");
            return 2;
        }

        bool anyChange = false, anySyntaxError = false, ioError = false;
        foreach (var input in inputs.Files)
        {
            string full = input.FullPath;
            string file = Path.GetRelativePath(context.WorkingDirectory, full);
            byte[] bytes;
            try { bytes = input.ReadAllBytes(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"emps fmt: error: cannot read '{file}': {e.Message}");
                ioError = true;
                continue;
            }

            bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var text = SourceText.FromBytes(bytes, file);
            var result = EmpsFormatter.Format(text);
            switch (result.Status)
            {
                case FormatStatus.InvalidUtf8:
                {
                    // Writing the text back would store U+FFFD (EF BF BD) for the bad bytes, so the
                    // file is left byte for byte as it is, like a file with syntax errors.
                    var at = text.GetLinePosition(text.InvalidUtf8Position);
                    byte bad = bytes[text.InvalidUtf8ByteOffset];
                    error.WriteLine(
                        $"{file}({at.Line + 1},{at.Character + 1}): not formatted: byte 0x{bad:X2} is not valid UTF-8 " +
                        "(the file is left unchanged; save it as UTF-8)");
                    anySyntaxError = true;
                    continue;
                }
                case FormatStatus.SyntaxErrors:
                    error.WriteLine($"{file}: not formatted: the file has syntax errors (see emps check)");
                    anySyntaxError = true;
                    continue;
                case FormatStatus.Unsafe:
                    error.WriteLine($"{file}: not formatted: the formatter could not keep the file's tokens (please report this file)");
                    anySyntaxError = true;
                    continue;
            }
            if (result.Status != FormatStatus.Formatted || !result.Changed) continue; // only a formatted text is ever written
            anyChange = true;
            if (check)
            {
                output.WriteLine(file);
                continue;
            }
            try
            {
                File.WriteAllText(full, result.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
                output.WriteLine($"formatted {file}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"emps fmt: error: cannot write '{file}': {e.Message}");
                ioError = true;
            }
        }

        if (ioError) return 2;
        if (anySyntaxError) return 1;
        return check && anyChange ? 1 : 0;
    }
}

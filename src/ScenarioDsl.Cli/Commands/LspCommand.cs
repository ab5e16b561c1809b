using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ScenarioDsl.LanguageServer;

namespace ScenarioDsl.Cli.Commands;

/// <summary>
/// <c>emps lsp</c>: the language server on stdin/stdout (LSP 3.17, Content-Length framed JSON-RPC).
/// <c>--stdio</c> is accepted (and implied) because language clients pass it. Exit code 0 after a
/// shutdown request and an exit notification, 1 when the client disconnects without shutdown; either
/// way only after the responses to the requests already received are written (at most
/// <see cref="LanguageServerOptions.ExitTimeout"/>). 2 for bad usage (a negative
/// <c>--diagnostics-delay</c>).
/// </summary>
public static class LspCommand
{
    public static Command Create()
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin/stdout (the default and only transport)" };
        var delay = new Option<int>("--diagnostics-delay")
        {
            Description = "Milliseconds diagnostics wait for typing to pause during bursts of changes",
            DefaultValueFactory = _ => 10,
        }.WholeNumber();
        delay.Validators.Add(ValidateDelay);
        var command = new Command("lsp", "Run the .emps language server on stdin/stdout");
        command.Options.Add(stdio);
        command.Options.Add(delay);
        command.SetAction(async (parseResult, cancellation) =>
        {
            var options = new LanguageServerOptions { DiagnosticsDelay = TimeSpan.FromMilliseconds(parseResult.GetValue(delay)) };
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            using var server = EmpsLanguageServer.Start(input, output, options);
            using var registration = cancellation.Register(server.Dispose);
            return await server.Completion.ConfigureAwait(false);
        });
        return command;
    }

    private static void ValidateDelay(OptionResult result)
    {
        // A value that is not a number is already reported by the option's own parsing.
        foreach (var token in result.Tokens)
        {
            if (int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int ms) && ms < 0)
                result.AddError($"invalid --diagnostics-delay '{token.Value}': expected a number of milliseconds, 0 or more");
        }
    }
}

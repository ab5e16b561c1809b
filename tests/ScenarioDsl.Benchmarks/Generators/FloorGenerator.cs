using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ScenarioDsl.Benchmarks.Generators;

/// <summary>
/// The floor a one-file edit cannot go below with one output per .emps file: a generator that does nothing but turn
/// each .emps file into one generated file under the same hint name as <c>EmpsGenerator</c> (the file name plus
/// <c>.g.cs</c>), with a one-line text. What a warm driver costs per edit with this generator is Roslyn's own work for
/// that many inputs and outputs (its tables, and the hint-name check every output goes through on every run).
/// </summary>
// Run in-process by the benchmarks' driver only, never loaded by a compiler: the rules for shipped generators
// (netstandard2.0, extended analyzer rules) do not apply.
#pragma warning disable RS1036, RS1041
[Generator(LanguageNames.CSharp)]
public sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".emps", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => (Path: text.Path, Length: text.GetText(ct)?.Length ?? 0));
        context.RegisterSourceOutput(files, static (spc, file) =>
            spc.AddSource(Path.GetFileName(file.Path) + ".g.cs", SourceText.From($"// {file.Length}\n", System.Text.Encoding.UTF8)));
    }
}
#pragma warning restore RS1036, RS1041

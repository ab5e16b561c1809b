using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScenarioDsl.Generators.Analyzer;
using ScenarioDsl.Generators.Pipeline;
using LanguageDiagnostic = ScenarioDsl.Language.Diagnostics.Diagnostic;

namespace ScenarioDsl.Generators;

/// <summary>
/// Reports the language core's warnings and infos on .emps additional files, at build time and in the IDE;
/// the catalogue's errors are reported by <see cref="EmpsGenerator"/> (<see cref="IsReportedByGenerator"/>), which
/// runs even when the C# declarations do not compile. All .emps files of the project form one compilation (names
/// are global); each file's action reports the diagnostics located in that file. Parses through the cache the
/// generator uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmpsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        EmpsDescriptors.ByCode.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var files = start.Options.AdditionalFiles.Where(f => EmpsGenerator.IsEmpsFile(f.Path)).ToArray();
            if (files.Length == 0) return;
            var cancellation = start.CancellationToken;
            var byFile = new Lazy<ILookup<string, LanguageDiagnostic>>(() =>
            {
                var inputs = files
                    .Select(f => new EmpsFileInput(f.Path, f.GetText(cancellation)?.ToString() ?? ""))
                    .OrderBy(f => f.Path, StringComparer.Ordinal)
                    .ToArray();
                return EmpsParseCache.GetCompilation(inputs).Diagnostics.ToLookup(d => d.Location.Path, StringComparer.Ordinal);
            }, LazyThreadSafetyMode.ExecutionAndPublication);

            start.RegisterAdditionalFileAction(fileContext =>
            {
                var file = fileContext.AdditionalFile;
                if (!EmpsGenerator.IsEmpsFile(file.Path)) return;
                foreach (var diagnostic in byFile.Value[file.Path])
                {
                    if (!IsReportedByGenerator(diagnostic)) fileContext.ReportDiagnostic(ToRoslyn(diagnostic));
                }
            });
        });
    }

    /// <summary>
    /// The codes whose default severity is error go through the generator, every other code through the analyzer:
    /// each diagnostic is reported once, and a configured severity (.globalconfig) applies to either.
    /// </summary>
    internal static bool IsReportedByGenerator(LanguageDiagnostic diagnostic) =>
        diagnostic.Descriptor.DefaultSeverity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error;

    internal static Diagnostic ToRoslyn(LanguageDiagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var span = location.LineSpan;
        var roslynLocation = Location.Create(
            location.Path,
            new TextSpan(location.Span.Start, location.Span.Length),
            new LinePositionSpan(
                new LinePosition(span.Start.Line, span.Start.Character),
                new LinePosition(span.End.Line, span.End.Character)));
        return Diagnostic.Create(EmpsDescriptors.ByCode[diagnostic.Code], roslynLocation, diagnostic.Message);
    }
}

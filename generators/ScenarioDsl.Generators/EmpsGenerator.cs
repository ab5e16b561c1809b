using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScenarioDsl.Generators.Emitter;
using ScenarioDsl.Generators.Pipeline;
using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Generators;

/// <summary>
/// The .emps source generator (SPEC section 4): typed states, personas with compiled rules, goals,
/// scenarios and suites, emitted into <c>$(EmpsNamespace)</c> or else <c>$(RootNamespace)</c>.
/// It skips declarations with errors and reports the errors of the catalogue itself (<see cref="EmpsAnalyzer"/>
/// reports the warnings and infos): the compiler stops before running analyzers when the C# declarations do not
/// compile, which is exactly what a test that names a type of a broken .emps declaration does, so errors reported
/// by the analyzer alone were never shown then (only the C# error for the missing type).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EmpsGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => IsEmpsFile(text.Path))
            .Select(static (text, ct) => new EmpsFileInput(text.Path, text.GetText(ct)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.FileInput);

        var allFiles = files
            .Collect()
            .Select(static (all, _) => InPathOrder(all))
            .WithTrackingName(TrackingNames.AllFiles);

        // One lookup of the files' compilation per run: its model (what is emitted) and its errors (what is reported).
        var bound = allFiles
            .Select(static (all, _) => BoundFiles.Of(EmpsParseCache.GetCompilation(all)))
            .WithTrackingName(TrackingNames.BoundModel);
        var model = bound.Select(static (b, _) => b.Model);

        // Re-evaluated on every compilation (a cheap lookup); equal results keep everything downstream cached.
        var xunit = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(XunitSerializableType) is not null)
            .WithTrackingName(TrackingNames.Xunit);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ResolveNamespace(provider.GlobalOptions))
            .Combine(xunit)
            .Select(static (pair, _) => new EmitOptions(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        var items = model
            .Combine(options)
            .Select(static (pair, _) => EmitModelBuilder.Build(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EmitModels)
            .SelectMany(static (all, _) => all)
            .WithTrackingName(TrackingNames.EmitItem);

        context.RegisterSourceOutput(items, static (spc, item) =>
            spc.AddSource(item.HintName, SourceText.From(EmpsEmitter.Emit(item), Encoding.UTF8)));

        // The catalogue's errors, in the order the language core reports them. Roslyn applies NoWarn, .globalconfig
        // severities and warnings-as-errors to these as to the analyzer's.
        var errors = bound
            .Select(static (b, _) => b.Errors)
            .WithTrackingName(TrackingNames.Errors);
        context.RegisterSourceOutput(errors, static (spc, all) =>
        {
            foreach (var diagnostic in all) spc.ReportDiagnostic(EmpsAnalyzer.ToRoslyn(diagnostic));
        });
    }

    /// <summary>
    /// The files in ordinal path order, equal paths in the order given (a stable sort). A project's items usually come
    /// sorted already; then the array is copied without sorting.
    /// </summary>
    internal static EquatableArray<EmpsFileInput> InPathOrder(System.Collections.Immutable.ImmutableArray<EmpsFileInput> files)
    {
        var array = files.ToArray();
        for (int i = 1; i < array.Length; i++)
        {
            if (string.CompareOrdinal(array[i - 1].Path, array[i].Path) > 0)
                return array.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray();
        }
        return new EquatableArray<EmpsFileInput>(array);
    }

    /// <summary>xunit v2's interface for serializable theory data (in xunit.abstractions, referenced by every xunit v2 test project).</summary>
    internal const string XunitSerializableType = "Xunit.Abstractions.IXunitSerializable";

    internal static bool IsEmpsFile(string path) => path.EndsWith(".emps", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>EmpsNamespace</c> if set, else <c>RootNamespace</c>, else the global namespace.</summary>
    internal static string ResolveNamespace(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.EmpsNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns)) return CSharpText.Namespace(ns);
        if (options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root)) return CSharpText.Namespace(root);
        return "";
    }
}

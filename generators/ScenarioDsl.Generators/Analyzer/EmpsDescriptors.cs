using Microsoft.CodeAnalysis;
using DiagnosticCatalogue = ScenarioDsl.Language.Diagnostics.DiagnosticCatalogue;
using LanguageSeverity = ScenarioDsl.Language.Diagnostics.DiagnosticSeverity;

namespace ScenarioDsl.Generators.Analyzer;

/// <summary>Roslyn descriptors mapped 1:1 from the language core's catalogue (id, title, category, default severity).</summary>
internal static class EmpsDescriptors
{
    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ByCode =
        DiagnosticCatalogue.All.ToDictionary(d => d.Code, Map, StringComparer.Ordinal);

    public static DiagnosticSeverity ToRoslyn(LanguageSeverity severity) => severity switch
    {
        LanguageSeverity.Error => DiagnosticSeverity.Error,
        LanguageSeverity.Warning => DiagnosticSeverity.Warning,
        LanguageSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    // The language core formats its messages (names, values, suggestions): the Roslyn format is "{0}".
    private static DiagnosticDescriptor Map(ScenarioDsl.Language.Diagnostics.DiagnosticDescriptor d) => new(
        d.Code,
        d.Title,
        "{0}",
        d.Category,
        ToRoslyn(d.DefaultSeverity),
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: d.HelpLink);
}

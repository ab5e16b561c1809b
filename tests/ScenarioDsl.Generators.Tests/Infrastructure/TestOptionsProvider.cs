using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScenarioDsl.Generators.Tests.Infrastructure;

/// <summary>MSBuild properties as the compiler passes them (<c>build_property.X</c>).</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
{
    private static readonly TestOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    public static TestOptionsProvider WithNamespace(string? rootNamespace, string? empsNamespace = null)
    {
        var d = new Dictionary<string, string>();
        if (rootNamespace is not null) d["build_property.RootNamespace"] = rootNamespace;
        if (empsNamespace is not null) d["build_property.EmpsNamespace"] = empsNamespace;
        return new TestOptionsProvider(d);
    }

    private sealed class TestOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScenarioDsl.Generators.Tests.Infrastructure;

/// <summary>Runs the generator (and the analyzer) in memory over C# and .emps texts, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public const string Namespace = "Tests.Generated";

    public static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The running framework's assemblies plus the runtime, the language core and xunit.abstractions (as in an xunit v2 test project).</summary>
    public static readonly ImmutableArray<MetadataReference> References = BuildReferences(xunit: true);

    /// <summary><see cref="References"/> without xunit.abstractions (a project that does not use xunit v2).</summary>
    public static readonly ImmutableArray<MetadataReference> ReferencesWithoutXunit = BuildReferences(xunit: false);

    private static ImmutableArray<MetadataReference> BuildReferences(bool xunit)
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        paths.Add(typeof(ScenarioDsl.Runtime.Running.Scenario).Assembly.Location);
        paths.Add(typeof(ScenarioDsl.Language.Binding.BoundModel).Assembly.Location);
        if (xunit) paths.Add(typeof(Xunit.Abstractions.IXunitSerializable).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    /// <summary>Warnings are errors, nullable on, every warning level.</summary>
    public static CSharpCompilation CreateCompilation(string csharp = "", string assemblyName = "Generated", bool xunit = true) =>
        CSharpCompilation.Create(
            assemblyName + "_" + Guid.NewGuid().ToString("N"),
            csharp.Length == 0 ? [] : [CSharpSyntaxTree.ParseText(csharp, ParseOptions)],
            xunit ? References : ReferencesWithoutXunit,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999,
                concurrentBuild: false,
                deterministic: true));

    public static AdditionalText[] Texts(params (string Path, string Text)[] files) =>
        files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToArray();

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider? options = null, bool track = true) =>
        CSharpGeneratorDriver.Create(
            [new EmpsGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            options ?? TestOptionsProvider.WithNamespace(Namespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public sealed record Output(Compilation Compilation, GeneratorDriverRunResult Run)
    {
        public IEnumerable<GeneratedSourceResult> Sources => Run.Results.SelectMany(r => r.GeneratedSources);

        /// <summary>Every generated file, ordered by hint name, separated by a header line.</summary>
        public string AllSources() => string.Concat(Sources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => $"//// {s.HintName}\n{s.SourceText}"));

        /// <summary>
        /// The public and internal members of the generated containers (<c>Spaces</c>, <c>Personas</c>, <c>Goals</c>,
        /// <c>Scenarios</c>, <c>Suites</c>), as <c>Container.Member</c>, one entry per declaration in the generated
        /// code (a name generated twice appears twice). What a user's code can refer to, read from the generated syntax.
        /// </summary>
        public IReadOnlyList<string> Members() => Sources
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            .Where(c => c.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax
                && c.Identifier.Text is "Spaces" or "Personas" or "Goals" or "Scenarios" or "Suites")
            .SelectMany(c => c.Members
                .Where(m => !m.Modifiers.Any(SyntaxKind.PrivateKeyword))
                .Select(m => c.Identifier.Text + "." + m switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax p => p.Identifier.Text,
                    Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax t => t.Identifier.Text,
                    Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => method.Identifier.Text,
                    Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.Text)),
                    _ => m.Kind().ToString(),
                }))
            .ToList();

        /// <summary>Compiler diagnostics of the whole output compilation (warnings included: they are errors here).</summary>
        public ImmutableArray<Diagnostic> CompilerDiagnostics() =>
            Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

        /// <param name="optimize">
        /// Compile as a Release build does. A Debug compilation marks the assembly so the JIT never optimizes it;
        /// optimized, and with quick JIT off in this test project, the generated code runs as fully optimized machine
        /// code from its first call, which is what the bit-exactness tests must hold for.
        /// </param>
        public Assembly Load(bool optimize = false)
        {
            using var stream = new MemoryStream();
            var compilation = optimize ? Compilation.WithOptions(Compilation.Options.WithOptimizationLevel(OptimizationLevel.Release)) : Compilation;
            var emit = compilation.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            return Assembly.Load(stream.ToArray());
        }
    }

    public static Output Generate(IEnumerable<(string Path, string Text)> files, string csharp = "", AnalyzerConfigOptionsProvider? options = null, bool xunit = true)
    {
        var compilation = CreateCompilation(csharp, xunit: xunit);
        var texts = Texts(files.ToArray());
        var driver = CreateDriver(texts, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        AssertReportsExactlyTheErrors(texts, generatorDiagnostics);
        var run = driver.GetRunResult();
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        return new Output(output, run);
    }

    public static Output Generate(string path, string text, string csharp = "") => Generate([(path, text)], csharp);

    /// <summary>
    /// The generator reports the language core's errors, and nothing else: each at its .emps location with its
    /// message, in the core's order (files in path order, as a build hands them). Warnings and infos are the analyzer's.
    /// </summary>
    public static void AssertReportsExactlyTheErrors(IEnumerable<AdditionalText> texts, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        var errors = ScenarioDsl.Language.Binding.EmpsCompilation.Create(texts
                .Where(t => t.Path.EndsWith(".emps", StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.Path, StringComparer.Ordinal)
                .Select(t => ScenarioDsl.Language.Text.SourceText.From(t.GetText()!.ToString(), t.Path)))
            .Diagnostics
            .Where(d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error)
            .Select(d => $"{d.Location.Path}({d.Location.LineSpan.Start.Line},{d.Location.LineSpan.Start.Character})-({d.Location.LineSpan.End.Line},{d.Location.LineSpan.End.Character})"
                + $": error {d.Code}: {d.Message}");
        var reported = generatorDiagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line},{span.StartLinePosition.Character})-({span.EndLinePosition.Line},{span.EndLinePosition.Character})"
                + $": {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        });
        Assert.Equal(errors, reported);
    }

    /// <summary>Asserts the output compiles with no warning or error (nullable, warnings as errors, XML docs checked).</summary>
    public static void AssertCompilesClean(Output output, string context = "")
    {
        var diagnostics = output.CompilerDiagnostics();
        if (diagnostics.Length == 0) return;
        Assert.Fail($"{context}\n{string.Join("\n", diagnostics.Take(20))}\n\n{output.AllSources()}");
    }
}

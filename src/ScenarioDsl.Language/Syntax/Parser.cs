using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

// In progress: the Sprache grammar lands in the next commit.
internal static class Parser
{
    public static CompilationUnitSyntax ParseCompilationUnit(SourceText text, SyntaxToken[] tokens, List<Diagnostic> diagnostics) =>
        new(Array.Empty<DeclarationSyntax>(), tokens[tokens.Length - 1]);
}
